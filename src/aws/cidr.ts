/**
 * CIDR arithmetic for IPv4 and IPv6, on the `ip-address` library: the one implementation
 * the config validation (src/config) and the policy pack (policy/rules) share. Pure: it
 * loads no provider SDK, so the pack can import it and still start in a fraction of a second.
 */
import { Address4, Address6 } from "ip-address";

export interface Cidr {
    /** The text as written. */
    readonly text: string;
    readonly version: 4 | 6;
    /** First address as an unsigned integer. */
    readonly start: bigint;
    /** Last address as an unsigned integer. */
    readonly end: bigint;
    readonly prefix: number;
}

/** `<address>/<prefix>` with an explicit prefix; the library alone would read a bare address as /32. */
const CIDR_SHAPE = /^([^/\s]+)\/(\d{1,3})$/;

function address(text: string): Address4 | Address6 | undefined {
    for (const parse of [(t: string) => new Address4(t), (t: string) => new Address6(t)]) {
        try {
            return parse(text);
        } catch {
            // not this family; the other one may read it
        }
    }
    return undefined;
}

/**
 * Parses `a.b.c.d/n` or an IPv6 `x::y/n` (prefix required); undefined when it is not a
 * CIDR. Host bits may be set (`10.0.4.1/24` covers 10.0.4.0 to 10.0.4.255), as AWS's
 * security group rules accept; `parseNetworkCidr` is the strict form.
 */
export function parseCidr(text: string): Cidr | undefined {
    const match = CIDR_SHAPE.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const parsed = address(text.trim());
    if (!parsed) {
        return undefined;
    }
    return {
        text,
        version: parsed instanceof Address4 ? 4 : 6,
        start: parsed.startAddress().bigInt(),
        end: parsed.endAddress().bigInt(),
        prefix: parsed.subnetMask,
    };
}

/** Like `parseCidr`, but also undefined when host bits are set (`10.0.4.1/24` is not a network). */
export function parseNetworkCidr(text: string): Cidr | undefined {
    const cidr = parseCidr(text);
    const parsed = cidr ? address(text.trim()) : undefined;
    return cidr && parsed && parsed.bigInt() === cidr.start ? cidr : undefined;
}

/** True when every address of `inner` is in `outer` (never across IPv4 and IPv6). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    return outer.version === inner.version && inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the two ranges share an address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
    return a.version === b.version && a.start <= b.end && b.start <= a.end;
}

export interface PrivateRange {
    readonly cidr: string;
    /** Why the range is private, for the docs and messages. */
    readonly reason: string;
}

/**
 * The ranges no internet host can have: what a VPC can hold and what a security group may
 * open to. RFC 1918, RFC 6598 shared address space, RFC 4193 IPv6 unique local.
 */
export const PRIVATE_RANGES: readonly PrivateRange[] = [
    { cidr: "10.0.0.0/8", reason: "RFC 1918 private" },
    { cidr: "172.16.0.0/12", reason: "RFC 1918 private" },
    { cidr: "192.168.0.0/16", reason: "RFC 1918 private" },
    { cidr: "100.64.0.0/10", reason: "RFC 6598 shared address space (carrier-grade NAT)" },
    { cidr: "fc00::/7", reason: "RFC 4193 IPv6 unique local" },
];

const PRIVATE_NETWORKS: readonly Cidr[] = PRIVATE_RANGES.map((r) => parseCidr(r.cidr) as Cidr);

/** The private ranges of one IP version, e.g. `10.0.0.0/8, 172.16.0.0/12, …` for messages. */
export function privateRangeList(version?: 4 | 6): string {
    return PRIVATE_NETWORKS.filter((n) => version === undefined || n.version === version)
        .map((n) => n.text)
        .join(", ");
}

/** True when the whole CIDR lies inside one private range. */
export function isPrivateCidr(cidr: Cidr): boolean {
    return PRIVATE_NETWORKS.some((range) => cidrContains(range, cidr));
}
