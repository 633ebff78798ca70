/**
 * The CIDRs the config accepts: IPv4 networks (VPC, agent subnets and client ranges are
 * IPv4), host bits clear. The arithmetic is src/aws/cidr.ts, shared with the policy pack.
 */
import { Cidr, parseNetworkCidr, privateRangeList } from "../aws/cidr";

export { cidrContains, cidrsOverlap, isPrivateCidr } from "../aws/cidr";
export type { Cidr } from "../aws/cidr";

/** Parses `a.b.c.d/n`; undefined when it is not a valid, network-aligned IPv4 CIDR. */
export function parseIpv4Cidr(text: string): Cidr | undefined {
    const cidr = parseNetworkCidr(text);
    return cidr?.version === 4 ? cidr : undefined;
}

/** `10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10`: the IPv4 private ranges, for messages. */
export const PRIVATE_IPV4_RANGE_LIST = privateRangeList(4);
