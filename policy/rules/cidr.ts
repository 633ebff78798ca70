/**
 * Which CIDRs are private. A rule that only rejects `/0` is bypassed by splitting the
 * internet into pieces (`0.0.0.0/1` + `128.0.0.0/1`), so the security group rules accept
 * only CIDRs that lie entirely inside a private range and treat everything else as public.
 */

export interface PrivateRange {
    readonly cidr: string;
    /** Why the range is private, for the docs and messages. */
    readonly reason: string;
}

/** The ranges no internet host can have (RFC 1918, RFC 6598, RFC 4193). */
export const PRIVATE_RANGES: readonly PrivateRange[] = [
    { cidr: "10.0.0.0/8", reason: "RFC 1918 private" },
    { cidr: "172.16.0.0/12", reason: "RFC 1918 private" },
    { cidr: "192.168.0.0/16", reason: "RFC 1918 private" },
    { cidr: "100.64.0.0/10", reason: "RFC 6598 shared address space (carrier-grade NAT)" },
    { cidr: "fc00::/7", reason: "RFC 4193 IPv6 unique local" },
];

/** `10.0.0.0/8, 172.16.0.0/12, …` for messages. */
export const PRIVATE_RANGE_LIST = PRIVATE_RANGES.map((r) => r.cidr).join(", ");

interface Network {
    readonly bits: 32 | 128;
    readonly address: bigint;
    readonly prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
        return undefined;
    }
    return parts.reduce((acc, p) => (acc << BigInt(8)) | BigInt(Number(p)), BigInt(0));
}

function parseIpv6(text: string): bigint | undefined {
    const halves = text.split("::");
    if (halves.length > 2) {
        return undefined;
    }
    const groups = (half: string) => (half === "" ? [] : half.split(":"));
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    const missing = 8 - head.length - tail.length;
    if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) {
        return undefined;
    }
    const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
    if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) {
        return undefined;
    }
    return all.reduce((acc, g) => (acc << BigInt(16)) | BigInt(parseInt(g, 16)), BigInt(0));
}

/** Parses `a.b.c.d/n` or an IPv6 `x::y/n`; undefined when it is not a CIDR. */
function parseCidr(value: string): Network | undefined {
    const match = /^([^/]+)\/(\d{1,3})$/.exec(value.trim());
    if (!match) {
        return undefined;
    }
    const prefix = Number(match[2]);
    const v4 = parseIpv4(match[1]);
    if (v4 !== undefined) {
        return prefix <= 32 ? { bits: 32, address: v4, prefix } : undefined;
    }
    const v6 = match[1].includes(":") ? parseIpv6(match[1]) : undefined;
    return v6 !== undefined && prefix <= 128 ? { bits: 128, address: v6, prefix } : undefined;
}

/** True when every address of `inner` is in `outer`. */
function within(inner: Network, outer: Network): boolean {
    if (inner.bits !== outer.bits || inner.prefix < outer.prefix) {
        return false;
    }
    const shift = BigInt(outer.bits - outer.prefix);
    return inner.address >> shift === outer.address >> shift;
}

const PRIVATE_NETWORKS = PRIVATE_RANGES.map((r) => parseCidr(r.cidr)!);

/** True when the CIDR lies entirely inside one private range. */
export function isPrivateCidr(value: string): boolean {
    const network = parseCidr(value);
    return network !== undefined && PRIVATE_NETWORKS.some((range) => within(network, range));
}

/**
 * True for a known CIDR string that is not entirely private: the internet, part of it, or
 * something that is not a CIDR at all (AWS rejects those; the rule does not guess).
 * Unknown values (preview) are not public: the update checks them once they are known.
 */
export function isPublicCidr(value: unknown): value is string {
    return typeof value === "string" && value.trim() !== "" && !isPrivateCidr(value);
}
