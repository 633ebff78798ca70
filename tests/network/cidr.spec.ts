/**
 * CIDR math (src/aws/cidr.ts), shared by the config and the policy pack: worked examples
 * with literal answers, then properties over random networks (fast-check).
 */
import { expect } from "chai";
import fc from "fast-check";
import { isPublicCidr } from "../../policy/rules/cidr";
import { hostBitsNetwork, parseIpv4Cidr } from "../../src/network/cidrConfig";
import { cidrContains, cidrsOverlap, isPrivateCidr, parseCidr, parseNetworkCidr } from "../../src/aws/cidr";

const v4 = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");

describe("cidr: worked examples", () => {
    it("parses IPv4 and IPv6 with their ranges", () => {
        expect(parseCidr("10.0.4.0/24")).to.deep.equal({
            text: "10.0.4.0/24",
            version: 4,
            start: BigInt(167773184),
            end: BigInt(167773439),
            prefix: 24,
        });
        expect(parseCidr("fc00::/7")).to.deep.include({ version: 6, prefix: 7 });
        expect(parseCidr("0.0.0.0/0")).to.deep.include({ start: BigInt(0), end: BigInt(4294967295) });
        expect(parseCidr(" 10.0.0.0/8 ")).to.deep.include({ prefix: 8 });
    });

    it("rejects what is not a CIDR", () => {
        for (const text of [
            "10.0.0.0",
            "10.0.0.0/33",
            "300.0.0.0/8",
            "10.0.0/8",
            "010.0.0.0/8",
            "fc00::/129",
            "1::2::3/64",
            "",
            "/8",
            "10.0.0.0/ 8",
            "a.b.c.d/8",
        ]) {
            expect(parseCidr(text), text).to.equal(undefined);
        }
    });

    it("separates network CIDRs from ones with host bits", () => {
        expect(parseNetworkCidr("10.0.4.0/24")).to.deep.include({ prefix: 24 });
        expect(parseNetworkCidr("10.0.4.1/24")).to.equal(undefined);
        expect(parseNetworkCidr("10.0.4.128/25")).to.deep.include({ prefix: 25 });
        expect(parseNetworkCidr("fd00::1/64")).to.equal(undefined);
        expect(parseIpv4Cidr("fd00::/64"), "the config takes IPv4 only").to.equal(undefined);
        expect(parseIpv4Cidr("10.0.4.0/24")).to.deep.include({ prefix: 24 });
    });

    it("the config's IPv4 reader: a network CIDR only, nothing for text that is not a CIDR", () => {
        expect(parseIpv4Cidr("10.0.4.0/24")).to.deep.equal({
            text: "10.0.4.0/24",
            version: 4,
            start: BigInt(167773184),
            end: BigInt(167773439),
            prefix: 24,
        });
        for (const text of ["not-a-cidr", "", "10.0.4.0", "10.0.4.1/24", "fd00::/64"]) {
            expect(parseIpv4Cidr(text), text).to.equal(undefined);
        }
    });

    it("names the network a CIDR with host bits stands for, and nothing otherwise", () => {
        expect(hostBitsNetwork("10.0.4.1/24")).to.equal("10.0.4.0/24");
        expect(hostBitsNetwork("172.31.255.255/12")).to.equal("172.16.0.0/12");
        expect(hostBitsNetwork("192.168.7.129/25")).to.equal("192.168.7.128/25");
        expect(hostBitsNetwork("10.0.0.1/31")).to.equal("10.0.0.0/31");
        // Near misses: already a network (at /24 and at /32), IPv6 with host bits, not a CIDR.
        for (const text of ["10.0.4.0/24", "10.0.4.1/32", "fd00::1/64", "10.0.4.1", "not-a-cidr"]) {
            expect(hostBitsNetwork(text), text).to.equal(undefined);
        }
    });

    it("knows the private ranges and their edges", () => {
        const priv = (t: string) => isPrivateCidr(parseCidr(t)!);
        for (const t of [
            "10.0.0.0/8",
            "10.255.255.255/32",
            "172.16.0.0/12",
            "172.31.255.0/24",
            "192.168.0.0/16",
            "100.64.0.0/10",
            "100.127.0.0/16",
            "fc00::/7",
            "fd12:3456::/48",
        ]) {
            expect(priv(t), t).to.equal(true);
        }
        for (const t of [
            "10.0.0.0/7",
            "9.255.255.255/32",
            "11.0.0.0/8",
            "172.15.255.255/32",
            "172.32.0.0/16",
            "172.16.0.0/11",
            "192.169.0.0/16",
            "192.167.255.255/32",
            "100.63.255.255/32",
            "100.128.0.0/10",
            "0.0.0.0/0",
            "fe00::/7",
            "::/0",
            "2001:db8::/32",
        ]) {
            expect(priv(t), t).to.equal(false);
        }
    });

    it("treats a non-CIDR string as public in the pack, an empty or non-string value as nothing", () => {
        expect(isPublicCidr("not-a-cidr")).to.equal(true);
        expect(isPublicCidr("10.0.0.1")).to.equal(true);
        expect(isPublicCidr("0.0.0.0/1")).to.equal(true);
        expect(isPublicCidr("10.1.0.0/16")).to.equal(false);
        expect(isPublicCidr(" ")).to.equal(false);
        expect(isPublicCidr(undefined)).to.equal(false);
        expect(isPublicCidr(42)).to.equal(false);
    });

    it("never mixes IPv4 and IPv6", () => {
        expect(cidrContains(parseCidr("::/0")!, parseCidr("10.0.0.0/8")!)).to.equal(false);
        expect(cidrsOverlap(parseCidr("0.0.0.0/0")!, parseCidr("fc00::/7")!)).to.equal(false);
    });
});

describe("cidr: properties", () => {
    const network = fc
        .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
        .map(([address, prefix]) => {
            const size = 2 ** (32 - prefix);
            const start = address - (address % size);
            return { text: `${v4(start)}/${prefix}`, start, end: start + size - 1, prefix };
        });

    it("parses every network it prints, with the right first and last address", () => {
        fc.assert(
            fc.property(network, (n) => {
                const c = parseNetworkCidr(n.text);
                return (
                    c !== undefined && c.start === BigInt(n.start) && c.end === BigInt(n.end) && c.prefix === n.prefix
                );
            }),
        );
    });

    it("contains exactly its subnets: a longer prefix on the same start", () => {
        fc.assert(
            fc.property(network, fc.integer({ min: 0, max: 32 }), (n, extra) => {
                const prefix = Math.min(32, n.prefix + extra);
                const inner = parseCidr(`${v4(n.start)}/${prefix}`)!;
                const outer = parseCidr(n.text)!;
                return (
                    cidrContains(outer, inner) &&
                    cidrsOverlap(outer, inner) &&
                    (prefix === n.prefix || !cidrContains(inner, outer))
                );
            }),
        );
    });

    it("overlaps symmetrically, and containment implies overlap", () => {
        fc.assert(
            fc.property(network, network, (a, b) => {
                const ca = parseCidr(a.text)!;
                const cb = parseCidr(b.text)!;
                const overlap = a.start <= b.end && b.start <= a.end;
                return (
                    cidrsOverlap(ca, cb) === overlap &&
                    cidrsOverlap(cb, ca) === overlap &&
                    (!cidrContains(ca, cb) || overlap)
                );
            }),
        );
    });

    it("calls a network private exactly when it lies inside 10/8, 172.16/12, 192.168/16 or 100.64/10", () => {
        const ranges = [
            [0x0a000000, 0x0affffff],
            [0xac100000, 0xac1fffff],
            [0xc0a80000, 0xc0a8ffff],
            [0x64400000, 0x647fffff],
        ];
        fc.assert(
            fc.property(network, (n) => {
                const expected = ranges.some(([lo, hi]) => n.start >= lo && n.end <= hi);
                return isPrivateCidr(parseCidr(n.text)!) === expected && isPublicCidr(n.text) === !expected;
            }),
        );
    });

    it("rejects every address with host bits set below its prefix", () => {
        fc.assert(
            fc.property(
                network.filter((n) => n.prefix < 32),
                fc.integer({ min: 1, max: 0x7fffffff }),
                (n, offset) => {
                    const host = n.start + (offset % (n.end - n.start + 1));
                    fc.pre(host !== n.start);
                    return (
                        parseNetworkCidr(`${v4(host)}/${n.prefix}`) === undefined &&
                        parseCidr(`${v4(host)}/${n.prefix}`) !== undefined
                    );
                },
            ),
        );
    });
});
