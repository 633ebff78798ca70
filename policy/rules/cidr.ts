/**
 * Which CIDRs are private. A rule that only rejects `/0` is bypassed by splitting the
 * internet into pieces (`0.0.0.0/1` + `128.0.0.0/1`), so the security group rules accept
 * only CIDRs that lie entirely inside a private range and treat everything else as public.
 * The ranges and the arithmetic are the program's own (src/aws/cidr.ts, a pure module that
 * loads no provider SDK), so the pack and the config cannot disagree.
 */
import { isPrivateCidr, parseCidr, privateRangeList } from "../../src/aws/cidr";

export { PRIVATE_RANGES } from "../../src/aws/cidr";

/** `10.0.0.0/8, 172.16.0.0/12, …, fc00::/7` for messages. */
export const PRIVATE_RANGE_LIST = privateRangeList();

/**
 * True for a known CIDR string that is not entirely private: the internet, part of it, or
 * something that is not a CIDR at all (AWS rejects those; the rule does not guess).
 * Unknown values (preview) are not public: the update checks them once they are known.
 */
export function isPublicCidr(value: unknown): value is string {
    if (typeof value !== "string" || value.trim() === "") {
        return false;
    }
    const cidr = parseCidr(value);
    return cidr === undefined || !isPrivateCidr(cidr);
}
