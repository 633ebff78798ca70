/**
 * `runtimes[i].authorizer`: the custom JWT authorizer, read and checked against AWS's bounds
 * (AgentCore Control API reference, CustomJWTAuthorizerConfiguration, CustomClaimValidationType,
 * AuthorizingClaimMatchValueType, PrivateEndpoint). See docs/runtime-capabilities.md.
 */
import {
    JWT_CLAIM_NAME_MAX_LENGTH,
    JWT_CLAIM_NAME_PATTERN,
    JWT_CLAIM_OPERATORS,
    JWT_CLAIM_VALUE_MAX_LENGTH,
    JWT_CLAIM_VALUE_TYPES,
    JWT_SCOPE_MAX_LENGTH,
    JWT_SCOPE_PATTERN,
    JwtClaimOperator,
    JwtClaimValueType,
    LATTICE_RESOURCE_CONFIGURATION,
    PRIVATE_ENDPOINT_IP_ADDRESS_TYPES,
    PrivateEndpointIpAddressType,
} from "../aws/agentcore";
import { isPrivateCidr, parseNetworkCidr } from "../aws/cidr";
import { isRecord, stringArray, unknownFields } from "../config/fields";
import { Problems } from "../config/problems";
import {
    JwtAuthorizerConfig,
    JwtCustomClaimConfig,
    PrivateEndpointConfig,
    PrivateEndpointOverrideConfig,
} from "../config/types";

export const AUTHORIZER_FIELDS = [
    "discoveryUrl",
    "allowedAudience",
    "allowedClients",
    "allowedScopes",
    "customClaims",
    "privateEndpoint",
    "privateEndpointOverrides",
];
const CLAIM_FIELDS = ["claim", "valueType", "operator", "value"];
const PRIVATE_ENDPOINT_FIELDS = ["managed", "resourceConfiguration"];
const MANAGED_FIELDS = ["idpCidrs", "endpointIpAddressType", "routingDomain"];
const OVERRIDE_FIELDS = ["domain", "privateEndpoint"];

const DISCOVERY_URL = /^https:\/\/[^\s/]+(\/[^\s]*)?\/\.well-known\/openid-configuration$/;
/** A DNS name: labels of letters, digits and hyphens, at least two labels, at most 253 characters. */
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$/;

const MANAGED_EXAMPLE = `{ managed: { idpCidrs: ["10.20.12.0/24"] } }`;

export function readAuthorizer(p: Problems, key: string, v: unknown): JwtAuthorizerConfig | undefined {
    const example = `{ discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration", allowedClients: ["4f1k2example"] }`;
    if (!isRecord(v)) {
        p.invalid(key, v, "a map with discoveryUrl and allowedAudience and/or allowedClients", example);
        return undefined;
    }
    unknownFields(p, key, v, AUTHORIZER_FIELDS);
    const url = v.discoveryUrl;
    const urlOk = typeof url === "string" && DISCOVERY_URL.test(url);
    if (!urlOk) {
        p.invalid(
            `${key}.discoveryUrl`,
            url ?? null,
            "an https URL ending in /.well-known/openid-configuration",
            `"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration"`,
        );
    }
    const allowedAudience = stringArray(p, `${key}.allowedAudience`, v.allowedAudience, `["api://support-agent"]`);
    const allowedClients = stringArray(p, `${key}.allowedClients`, v.allowedClients, `["4f1k2example"]`);
    if (allowedAudience.length === 0 && allowedClients.length === 0) {
        p.invalid(
            key,
            v,
            "at least one of allowedAudience or allowedClients, or any token from the issuer would be accepted",
            example,
        );
    }
    const allowedScopes = readScopes(p, `${key}.allowedScopes`, v.allowedScopes);
    const customClaims = readClaims(p, `${key}.customClaims`, v.customClaims);
    const privateEndpoint =
        v.privateEndpoint === undefined
            ? undefined
            : readPrivateEndpoint(p, `${key}.privateEndpoint`, v.privateEndpoint);
    const privateEndpointOverrides = readOverrides(
        p,
        `${key}.privateEndpointOverrides`,
        v.privateEndpointOverrides,
        typeof url === "string" ? url : undefined,
    );
    return urlOk
        ? {
              discoveryUrl: url as string,
              allowedAudience,
              allowedClients,
              allowedScopes,
              customClaims,
              privateEndpoint,
              privateEndpointOverrides,
          }
        : undefined;
}

function readScopes(p: Problems, key: string, v: unknown): string[] {
    const example = `["agents/invoke"]`;
    if (v === undefined) {
        return [];
    }
    if (!Array.isArray(v) || v.length === 0) {
        p.invalid(key, v, "a list of 1 or more scopes (omit the key to require none)", example);
        return [];
    }
    const out: string[] = [];
    const seen = new Set<string>();
    v.forEach((scope: unknown, i: number) => {
        if (typeof scope !== "string" || !JWT_SCOPE_PATTERN.test(scope)) {
            p.invalid(
                `${key}[${i}]`,
                scope ?? null,
                `a scope of 1 to ${JWT_SCOPE_MAX_LENGTH} printable ASCII characters without spaces, " or \\`,
                `"agents/invoke"`,
            );
        } else if (seen.has(scope)) {
            p.invalid(`${key}[${i}]`, scope, "a scope not already listed", `"agents/read"`);
        } else {
            seen.add(scope);
            out.push(scope);
        }
    });
    return out;
}

function readClaims(p: Problems, key: string, v: unknown): JwtCustomClaimConfig[] {
    const example = `{ claim: "department", operator: "EQUALS", value: "support" }`;
    if (v === undefined) {
        return [];
    }
    if (!Array.isArray(v) || v.length === 0) {
        p.invalid(key, v, "a list of 1 or more claim rules (omit the key for none)", `[${example}]`);
        return [];
    }
    const out: JwtCustomClaimConfig[] = [];
    v.forEach((entry: unknown, i: number) => {
        const k = `${key}[${i}]`;
        if (!isRecord(entry)) {
            p.invalid(k, entry, "a map with claim, operator and value", example);
            return;
        }
        unknownFields(p, k, entry, CLAIM_FIELDS);
        const { claim, operator, value, valueType } = entry;
        let ok = true;
        if (typeof claim !== "string" || !JWT_CLAIM_NAME_PATTERN.test(claim)) {
            p.invalid(
                `${k}.claim`,
                claim ?? null,
                `a claim name of 1 to ${JWT_CLAIM_NAME_MAX_LENGTH} letters, digits and _ . : /`,
                `"department"`,
            );
            ok = false;
        }
        const operators = Object.keys(JWT_CLAIM_OPERATORS) as JwtClaimOperator[];
        if (typeof operator !== "string" || !(operators as string[]).includes(operator)) {
            p.invalid(`${k}.operator`, operator ?? null, `one of ${operators.join(", ")}`, `"EQUALS"`);
            return;
        }
        const rule = JWT_CLAIM_OPERATORS[operator as JwtClaimOperator];
        if (valueType !== undefined) {
            if (typeof valueType !== "string" || !(JWT_CLAIM_VALUE_TYPES as readonly string[]).includes(valueType)) {
                p.invalid(
                    `${k}.valueType`,
                    valueType,
                    `one of ${JWT_CLAIM_VALUE_TYPES.join(", ")}`,
                    `"${rule.valueType}"`,
                );
                ok = false;
            } else if (valueType !== rule.valueType) {
                p.invalid(
                    `${k}.valueType`,
                    valueType,
                    `${rule.valueType} with operator ${operator} (EQUALS compares a STRING claim; CONTAINS and CONTAINS_ANY search a STRING_ARRAY claim)`,
                    `"${rule.valueType}"`,
                );
                ok = false;
            }
        }
        const text = (x: unknown) => typeof x === "string" && x.length >= 1 && x.length <= JWT_CLAIM_VALUE_MAX_LENGTH;
        let matched: string | string[] | undefined;
        if (rule.value === "string") {
            if (!text(value)) {
                p.invalid(
                    `${k}.value`,
                    value ?? null,
                    `one string of 1 to ${JWT_CLAIM_VALUE_MAX_LENGTH} characters with operator ${operator}${Array.isArray(value) ? " (a list needs CONTAINS_ANY)" : ""}`,
                    `"support"`,
                );
            } else {
                matched = value as string;
            }
        } else if (!Array.isArray(value) || value.length === 0 || !value.every(text)) {
            p.invalid(
                `${k}.value`,
                value ?? null,
                `a list of 1 or more strings of 1 to ${JWT_CLAIM_VALUE_MAX_LENGTH} characters with operator CONTAINS_ANY`,
                `["support", "billing"]`,
            );
        } else if (new Set(value).size !== value.length) {
            p.invalid(`${k}.value`, value, "a list without repeated values", `["support", "billing"]`);
        } else {
            matched = value as string[];
        }
        if (ok && matched !== undefined) {
            out.push({
                claim: claim as string,
                valueType: rule.valueType as JwtClaimValueType,
                operator: operator as JwtClaimOperator,
                value: matched,
            });
        }
    });
    const names = out.map((c) => c.claim);
    names.forEach((name, i) => {
        if (names.indexOf(name) !== i) {
            p.invalid(`${key}`, name, `one rule per claim (claim "${name}" appears twice)`, `[${example}]`);
        }
    });
    return out;
}

/** `{ managed: {...} }` or `{ resourceConfiguration: "rcfg-…" }`: exactly one. */
export function readPrivateEndpoint(p: Problems, key: string, v: unknown): PrivateEndpointConfig | undefined {
    const allowed = `exactly one of managed (AgentCore creates a VPC Lattice resource gateway in the agent subnets) or resourceConfiguration (a VPC Lattice resource configuration you own)`;
    if (!isRecord(v)) {
        p.invalid(key, v, allowed, MANAGED_EXAMPLE);
        return undefined;
    }
    unknownFields(p, key, v, PRIVATE_ENDPOINT_FIELDS);
    const given = PRIVATE_ENDPOINT_FIELDS.filter((f) => v[f] !== undefined);
    if (given.length !== 1) {
        p.invalid(key, v, allowed, MANAGED_EXAMPLE);
        return undefined;
    }
    if (v.resourceConfiguration !== undefined) {
        const id = v.resourceConfiguration;
        if (typeof id !== "string" || !LATTICE_RESOURCE_CONFIGURATION.test(id)) {
            p.invalid(
                `${key}.resourceConfiguration`,
                id,
                "a VPC Lattice resource configuration ID (rcfg- and 17 characters) or its ARN",
                `"rcfg-0123456789abcdef0"`,
            );
            return undefined;
        }
        return { kind: "selfManaged", resourceConfiguration: id };
    }
    const m = v.managed;
    const k = `${key}.managed`;
    if (!isRecord(m)) {
        p.invalid(k, m, "a map, {} for the defaults", `{ idpCidrs: ["10.20.12.0/24"] }`);
        return undefined;
    }
    unknownFields(p, k, m, MANAGED_FIELDS);
    let ok = true;
    const idpCidrs = stringArray(p, `${k}.idpCidrs`, m.idpCidrs, `["10.20.12.0/24"]`);
    idpCidrs.forEach((cidr, i) => {
        const parsed = parseNetworkCidr(cidr);
        if (!parsed || parsed.version !== 4 || !isPrivateCidr(parsed)) {
            p.invalid(
                `${k}.idpCidrs[${i}]`,
                cidr,
                "a private IPv4 network CIDR inside the VPC, where the identity provider answers",
                `"10.20.12.0/24"`,
            );
            ok = false;
        }
    });
    let endpointIpAddressType: PrivateEndpointIpAddressType = "IPV4";
    if (m.endpointIpAddressType !== undefined) {
        if (!(PRIVATE_ENDPOINT_IP_ADDRESS_TYPES as readonly unknown[]).includes(m.endpointIpAddressType)) {
            p.invalid(
                `${k}.endpointIpAddressType`,
                m.endpointIpAddressType,
                `one of ${PRIVATE_ENDPOINT_IP_ADDRESS_TYPES.join(", ")}`,
                `"IPV4"`,
            );
            ok = false;
        } else {
            endpointIpAddressType = m.endpointIpAddressType as PrivateEndpointIpAddressType;
        }
    }
    if (endpointIpAddressType === "IPV6") {
        // The agent subnets this stack makes are IPv4-only, and the identity-provider
        // security group's egress names IPv4 CIDRs.
        p.invalid(
            `${k}.endpointIpAddressType`,
            "IPV6",
            "IPV4: the agent subnets and the identity-provider security group rules of this stack are IPv4 only",
            `"IPV4"`,
        );
        ok = false;
    }
    let routingDomain: string | undefined;
    if (m.routingDomain !== undefined) {
        if (typeof m.routingDomain !== "string" || !DOMAIN.test(m.routingDomain)) {
            p.invalid(`${k}.routingDomain`, m.routingDomain, "a DNS name", `"idp.internal.example.com"`);
            ok = false;
        } else {
            routingDomain = m.routingDomain;
        }
    }
    return ok ? { kind: "managed", endpointIpAddressType, idpCidrs, routingDomain } : undefined;
}

function readOverrides(
    p: Problems,
    key: string,
    v: unknown,
    discoveryUrl: string | undefined,
): PrivateEndpointOverrideConfig[] {
    const example = `[{ domain: "keys.idp.internal.example.com", privateEndpoint: ${MANAGED_EXAMPLE} }]`;
    if (v === undefined) {
        return [];
    }
    if (!Array.isArray(v) || v.length === 0) {
        p.invalid(key, v, "a list of 1 or more { domain, privateEndpoint } (omit the key for none)", example);
        return [];
    }
    const discoveryHost = discoveryUrl?.replace(/^https:\/\/([^/:]+).*$/, "$1").toLowerCase();
    const out: PrivateEndpointOverrideConfig[] = [];
    const seen = new Set<string>();
    v.forEach((entry: unknown, i: number) => {
        const k = `${key}[${i}]`;
        if (!isRecord(entry)) {
            p.invalid(k, entry, "a map with domain and privateEndpoint", example.slice(1, -1));
            return;
        }
        unknownFields(p, k, entry, OVERRIDE_FIELDS);
        const domain = entry.domain;
        let ok = true;
        if (typeof domain !== "string" || !DOMAIN.test(domain)) {
            p.invalid(
                `${k}.domain`,
                domain ?? null,
                "a DNS name the identity provider serves",
                `"keys.idp.internal.example.com"`,
            );
            ok = false;
        } else if (seen.has(domain.toLowerCase())) {
            p.invalid(`${k}.domain`, domain, "a domain not already overridden", `"keys.idp.internal.example.com"`);
            ok = false;
        } else if (domain.toLowerCase() === discoveryHost) {
            p.invalid(
                `${k}.domain`,
                domain,
                "a domain other than the discovery URL's, whose path is authorizer.privateEndpoint",
                `"keys.idp.internal.example.com"`,
            );
            ok = false;
        }
        const endpoint =
            entry.privateEndpoint === undefined
                ? (p.missing(`${k}.privateEndpoint`, "the path to this domain", MANAGED_EXAMPLE), undefined)
                : readPrivateEndpoint(p, `${k}.privateEndpoint`, entry.privateEndpoint);
        if (ok && endpoint) {
            seen.add((domain as string).toLowerCase());
            out.push({ domain: domain as string, privateEndpoint: endpoint });
        }
    });
    return out;
}
