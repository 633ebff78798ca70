/**
 * CIDR arithmetic (src/aws/cidr.ts) at its edges: the prefix is required, text around a CIDR is
 * trimmed, containment and overlap never cross IPv4 and IPv6, and ranges that touch at one
 * address overlap. Answers written as literals (10.0.0.0 is 167772160).
 */
import { expect } from "chai";
import { cidrContains, cidrsOverlap, parseCidr, parseNetworkCidr, privateRangeList } from "../../src/aws/cidr";

const cidr = (text: string) => {
    const parsed = parseCidr(text);
    expect(parsed, text).not.to.equal(undefined);
    return parsed!;
};

describe("cidr (src/aws/cidr.ts): edges", () => {
    it("needs the prefix: a bare address is no CIDR", () => {
        expect(parseCidr("10.0.0.0")).to.equal(undefined);
        expect(parseCidr("fd00::1")).to.equal(undefined);
        expect(parseCidr("10.0.0.0/32")).to.deep.equal({
            text: "10.0.0.0/32",
            version: 4,
            start: BigInt(167772160),
            end: BigInt(167772160),
            prefix: 32,
        });
    });

    it("trims the text around it, and keeps the text as written", () => {
        expect(parseCidr(" 10.0.0.0/8 ")).to.deep.equal({
            text: " 10.0.0.0/8 ",
            version: 4,
            start: BigInt(167772160),
            end: BigInt(184549375),
            prefix: 8,
        });
        expect(parseNetworkCidr(" 10.0.4.0/24 ")).to.deep.include({ prefix: 24, start: BigInt(167773184) });
        expect(parseNetworkCidr("\t10.0.4.0/24\n")).to.deep.include({ prefix: 24 });
        expect(parseNetworkCidr(" 10.0.4.1/24 ")).to.equal(undefined);
        expect(parseNetworkCidr("not-a-cidr")).to.equal(undefined);
    });

    it("contains only within one IP version", () => {
        expect(cidrContains(cidr("::/0"), cidr("10.0.0.0/8"))).to.equal(false);
        expect(cidrContains(cidr("0.0.0.0/0"), cidr("::/120"))).to.equal(false);
        expect(cidrContains(cidr("0.0.0.0/0"), cidr("10.0.0.0/8"))).to.equal(true);
        expect(cidrContains(cidr("10.0.0.0/8"), cidr("10.0.0.0/8"))).to.equal(true);
        expect(cidrContains(cidr("10.0.0.0/8"), cidr("10.0.0.0/7"))).to.equal(false);
        expect(cidrContains(cidr("10.0.0.0/8"), cidr("9.255.255.255/32"))).to.equal(false);
        expect(cidrContains(cidr("10.0.0.0/8"), cidr("11.0.0.0/32"))).to.equal(false);
    });

    it("overlaps when the ranges share an address, touching at one included", () => {
        const overlap = (a: string, b: string) => cidrsOverlap(cidr(a), cidr(b));
        expect(overlap("10.0.0.0/24", "10.0.0.255/32")).to.equal(true);
        expect(overlap("10.0.0.255/32", "10.0.0.0/24")).to.equal(true);
        expect(overlap("10.0.0.0/24", "10.0.0.0/24")).to.equal(true);
        expect(overlap("10.0.0.0/24", "10.0.1.0/24")).to.equal(false);
        expect(overlap("10.0.1.0/24", "10.0.0.0/24")).to.equal(false);
        expect(overlap("10.0.0.0/8", "10.1.0.0/16")).to.equal(true);
        expect(overlap("10.1.0.0/16", "10.0.0.0/8")).to.equal(true);
        // ::/96 and 0.0.0.0/0 cover the same integers, in different versions.
        expect(overlap("::/96", "0.0.0.0/0")).to.equal(false);
        expect(overlap("0.0.0.0/0", "::/96")).to.equal(false);
    });

    it("lists the private ranges per version", () => {
        expect(privateRangeList(4)).to.equal("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10");
        expect(privateRangeList(6)).to.equal("fc00::/7");
        expect(privateRangeList()).to.equal("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, fc00::/7");
    });
});
