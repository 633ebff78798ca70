/**
 * The CIDRs the config accepts: IPv4 networks (VPC, agent subnets and client ranges are
 * IPv4), host bits clear. The arithmetic is src/aws/cidr.ts, shared with the policy pack.
 */
import { Cidr, parseCidr as parseLenientCidr, parseNetworkCidr, privateRangeList } from "../aws/cidr";

export { cidrContains, cidrsOverlap, isPrivateCidr } from "../aws/cidr";
export type { Cidr } from "../aws/cidr";

/** Parses `a.b.c.d/n`; undefined when it is not a valid, network-aligned IPv4 CIDR. */
export function parseIpv4Cidr(text: string): Cidr | undefined {
    const cidr = parseNetworkCidr(text);
    return cidr?.version === 4 ? cidr : undefined;
}

/** `10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10`: the IPv4 private ranges, for messages. */
export const PRIVATE_IPV4_RANGE_LIST = privateRangeList(4);

/**
 * The network a CIDR with host bits set stands for (`10.0.4.1/24` → `10.0.4.0/24`), so the
 * message names the real problem; undefined when the text is not an IPv4 CIDR at all or has
 * no host bits set.
 */
export function hostBitsNetwork(text: string): string | undefined {
    const lenient = parseLenientCidr(text);
    if (!lenient || lenient.version !== 4 || parseNetworkCidr(text)) {
        return undefined;
    }
    const n = lenient.start;
    const octets = [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 255n));
    return `${octets.join(".")}/${lenient.prefix}`;
}
