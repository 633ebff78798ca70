/** IPv4 CIDR arithmetic for config validation: pure, no dependencies. */

export interface Cidr {
    readonly text: string;
    /** First address as an unsigned 32-bit integer. */
    readonly start: number;
    /** Last address as an unsigned 32-bit integer. */
    readonly end: number;
    readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; returns undefined when it is not a valid, network-aligned IPv4 CIDR. */
export function parseCidr(text: string): Cidr | undefined {
    const match = CIDR_PATTERN.exec(text);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        return undefined;
    }
    const address = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
    const size = 2 ** (32 - prefix);
    if (address % size !== 0) {
        return undefined; // host bits set: 10.0.4.1/24 is not a network address
    }
    return { text, start: address, end: address + size - 1, prefix };
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    return inner.start >= outer.start && inner.end <= outer.end;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
    return a.start <= b.end && b.start <= a.end;
}

/** RFC 1918 private ranges and RFC 6598 shared address space: what a VPC can hold. */
export const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;

/** True when the whole CIDR lies inside one private range. */
export function isPrivateCidr(cidr: Cidr): boolean {
    return PRIVATE_RANGES.some((range) => cidrContains(parseCidr(range) as Cidr, cidr));
}
