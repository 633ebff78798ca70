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
    LATTICE_RESOURCE_CONFIGURATION,
    PRIVATE_ENDPOINT_IP_ADDRESS_TYPES,
} from "../aws/agentcore";
import { cidrContains, isPrivateCidr, parseCidr, parseNetworkCidr } from "../aws/cidr";
import { z } from "zod";
import { fieldsOf, refuse, said, says, stringList } from "../config/declare";
import { isRecord } from "../config/fields";
import { JwtAuthorizerConfig, JwtCustomClaimConfig, PrivateEndpointConfig } from "../config/types";

const DISCOVERY_URL = /^https:\/\/[^\s/]+(\/[^\s]*)?\/\.well-known\/openid-configuration$/;
/** A DNS name: labels of letters, digits and hyphens, at least two labels, at most 253 characters. */
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$/;

const AUTHORIZER_EXAMPLE = `{ discoveryUrl: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration", allowedClients: ["4f1k2example"] }`;
const MANAGED_EXAMPLE = `{ managed: { idpCidrs: ["10.20.12.0/24"] } }`;
const CLAIM_EXAMPLE = `{ claim: "department", operator: "EQUALS", value: "support" }`;
const OVERRIDES_EXAMPLE = `[{ domain: "keys.idp.internal.example.com", privateEndpoint: ${MANAGED_EXAMPLE} }]`;
const DOMAIN_EXAMPLE = `"keys.idp.internal.example.com"`;

/** A list of at least one entry, refused as a whole when it is no list or empty. */
const listOf = <T extends z.ZodType>(item: T, allowed: string, example: string) =>
    z
        .unknown()
        .refine((v) => Array.isArray(v) && v.length > 0, says(allowed, example))
        .pipe(z.array(item));

const scopesSchema = listOf(
    z.string(scopeRule()).regex(JWT_SCOPE_PATTERN, scopeRule()),
    "a list of 1 or more scopes (omit the key to require none)",
    `["agents/invoke"]`,
).superRefine((scopes, ctx) =>
    scopes.forEach((scope, i) => {
        if (scopes.indexOf(scope) !== i) {
            refuse(ctx, scope, "a scope not already listed", `"agents/read"`, [i]);
        }
    }),
);

function scopeRule() {
    return says(
        `a scope of 1 to ${JWT_SCOPE_MAX_LENGTH} printable ASCII characters without spaces, " or \\`,
        `"agents/invoke"`,
    );
}

const operators = Object.keys(JWT_CLAIM_OPERATORS) as [JwtClaimOperator, ...JwtClaimOperator[]];
const claimText = (x: unknown) => typeof x === "string" && x.length >= 1 && x.length <= JWT_CLAIM_VALUE_MAX_LENGTH;

/** One claim rule; its value and value type follow from the operator (CustomClaimValidationType). */
const claimSchema = fieldsOf(
    {
        claim: z.string(claimNameRule()).regex(JWT_CLAIM_NAME_PATTERN, claimNameRule()),
        operator: z.enum(operators, says(`one of ${operators.join(", ")}`, `"EQUALS"`)),
        valueType: z
            .enum(JWT_CLAIM_VALUE_TYPES, says(`one of ${JWT_CLAIM_VALUE_TYPES.join(", ")}`, `"STRING"`))
            .optional(),
        // Read against the operator below, given or not.
        value: z.unknown().optional(),
    },
    "a map with claim, operator and value",
    CLAIM_EXAMPLE,
).superRefine(
    (entry, ctx) => {
        const rule = JWT_CLAIM_OPERATORS[entry.operator as JwtClaimOperator];
        if (rule === undefined) {
            return;
        }
        if (
            entry.valueType !== undefined &&
            (JWT_CLAIM_VALUE_TYPES as readonly unknown[]).includes(entry.valueType) &&
            entry.valueType !== rule.valueType
        ) {
            refuse(
                ctx,
                entry.valueType,
                `${rule.valueType} with operator ${entry.operator} (EQUALS compares a STRING claim; CONTAINS and CONTAINS_ANY search a STRING_ARRAY claim)`,
                `"${rule.valueType}"`,
                ["valueType"],
            );
        }
        const value = entry.value;
        const problem = (allowed: string, example: string) => refuse(ctx, value ?? null, allowed, example, ["value"]);
        if (rule.value === "string") {
            if (!claimText(value)) {
                problem(
                    `one string of 1 to ${JWT_CLAIM_VALUE_MAX_LENGTH} characters with operator ${entry.operator}${Array.isArray(value) ? " (a list needs CONTAINS_ANY)" : ""}`,
                    `"support"`,
                );
            }
        } else if (!Array.isArray(value) || value.length === 0 || !value.every(claimText)) {
            problem(
                `a list of 1 or more strings of 1 to ${JWT_CLAIM_VALUE_MAX_LENGTH} characters with operator CONTAINS_ANY`,
                `["support", "billing"]`,
            );
        } else if (new Set(value).size !== value.length) {
            problem("a list without repeated values", `["support", "billing"]`);
        }
    },
    // The value is checked against the operator even when the claim name has a problem; a claim
    // rule that is no map has one problem: that.
    { when: (payload) => isRecord(payload.value) },
);

function claimNameRule() {
    return says(`a claim name of 1 to ${JWT_CLAIM_NAME_MAX_LENGTH} letters, digits and _ . : /`, `"department"`);
}

const claimsSchema = listOf(
    claimSchema,
    "a list of 1 or more claim rules (omit the key for none)",
    `[${CLAIM_EXAMPLE}]`,
).superRefine((claims, ctx) => {
    const names = claims.map((c) => c.claim);
    names.forEach((name, i) => {
        if (names.indexOf(name) !== i) {
            refuse(ctx, name, `one rule per claim (claim "${name}" appears twice)`, `[${CLAIM_EXAMPLE}]`);
        }
    });
});

const PRIVATE_ENDPOINT_ALLOWED = `exactly one of managed (AgentCore creates a VPC Lattice resource gateway in the agent subnets) or resourceConfiguration (a VPC Lattice resource configuration you own)`;

const managedSchema = fieldsOf(
    {
        idpCidrs: stringList(`["10.20.12.0/24"]`)
            .superRefine((cidrs, ctx) =>
                cidrs.forEach((cidr, i) => {
                    const parsed = parseNetworkCidr(cidr);
                    if (!parsed || parsed.version !== 4 || !isPrivateCidr(parsed)) {
                        refuse(
                            ctx,
                            cidr,
                            "a private IPv4 network CIDR inside the VPC, where the identity provider answers",
                            `"10.20.12.0/24"`,
                            [i],
                        );
                    }
                }),
            )
            .default([]),
        endpointIpAddressType: z
            .enum(
                PRIVATE_ENDPOINT_IP_ADDRESS_TYPES,
                says(`one of ${PRIVATE_ENDPOINT_IP_ADDRESS_TYPES.join(", ")}`, `"IPV4"`),
            )
            // The agent subnets this stack makes are IPv4-only, and the identity-provider
            // security group's egress names IPv4 CIDRs.
            .refine(
                (type) => type === "IPV4",
                says(
                    "IPV4: the agent subnets and the identity-provider security group rules of this stack are IPv4 only",
                    `"IPV4"`,
                ),
            )
            .default("IPV4"),
        routingDomain: z
            .string(says("a DNS name", `"idp.internal.example.com"`))
            .regex(DOMAIN, says("a DNS name", `"idp.internal.example.com"`))
            .optional(),
    },
    "a map, {} for the defaults",
    `{ idpCidrs: ["10.20.12.0/24"] }`,
);

/** `{ managed: {...} }` or `{ resourceConfiguration: "rcfg-…" }`: exactly one. */
const privateEndpointSchema = fieldsOf(
    {
        managed: managedSchema.optional(),
        resourceConfiguration: z.string(latticeRule()).regex(LATTICE_RESOURCE_CONFIGURATION, latticeRule()).optional(),
    },
    PRIVATE_ENDPOINT_ALLOWED,
    MANAGED_EXAMPLE,
)
    .refine(
        (e) => (e.managed === undefined) !== (e.resourceConfiguration === undefined),
        says(PRIVATE_ENDPOINT_ALLOWED, MANAGED_EXAMPLE),
    )
    .transform((e): PrivateEndpointConfig =>
        e.resourceConfiguration !== undefined
            ? { kind: "selfManaged", resourceConfiguration: e.resourceConfiguration }
            : {
                  kind: "managed",
                  endpointIpAddressType: "IPV4",
                  idpCidrs: e.managed?.idpCidrs ?? [],
                  routingDomain: e.managed?.routingDomain,
              },
    );

function latticeRule() {
    return says(
        "a VPC Lattice resource configuration ID (rcfg- and 17 characters) or its ARN",
        `"rcfg-0123456789abcdef0"`,
    );
}

const overrideSchema = fieldsOf(
    {
        domain: z
            .string(says("a DNS name the identity provider serves", DOMAIN_EXAMPLE))
            .regex(DOMAIN, says("a DNS name the identity provider serves", DOMAIN_EXAMPLE)),
        privateEndpoint: privateEndpointSchema,
    },
    "a map with domain and privateEndpoint",
    OVERRIDES_EXAMPLE.slice(1, -1),
);

/** `runtimes[i].authorizer`: a custom JWT authorizer, read into the runtime's JwtAuthorizerConfig. */
export const authorizerSchema = fieldsOf(
    {
        discoveryUrl: z.string(discoveryRule()).regex(DISCOVERY_URL, discoveryRule()),
        allowedAudience: stringList(`["api://support-agent"]`).default([]),
        allowedClients: stringList(`["4f1k2example"]`).default([]),
        allowedScopes: scopesSchema.default([]),
        customClaims: claimsSchema.default([]),
        privateEndpoint: privateEndpointSchema.optional(),
        privateEndpointOverrides: listOf(
            overrideSchema,
            "a list of 1 or more { domain, privateEndpoint } (omit the key for none)",
            OVERRIDES_EXAMPLE,
        ).default([]),
    },
    "a map with discoveryUrl and allowedAudience and/or allowedClients",
    AUTHORIZER_EXAMPLE,
)
    .superRefine(
        (a, ctx) => {
            const given = (list: unknown) => Array.isArray(list) && list.length > 0;
            if (!given(a.allowedAudience) && !given(a.allowedClients)) {
                ctx.addIssue({
                    code: "custom",
                    ...said(
                        "at least one of allowedAudience or allowedClients, or any token from the issuer would be accepted",
                        AUTHORIZER_EXAMPLE,
                    ),
                });
            }
            const discoveryHost =
                typeof a.discoveryUrl === "string"
                    ? a.discoveryUrl.replace(/^https:\/\/([^/:]+).*$/, "$1").toLowerCase()
                    : undefined;
            const seen = new Set<string>();
            (Array.isArray(a.privateEndpointOverrides) ? a.privateEndpointOverrides : []).forEach((o, i) => {
                const domain = (o as { domain?: unknown } | undefined)?.domain;
                if (typeof domain !== "string" || !DOMAIN.test(domain)) {
                    return;
                }
                const problem = (allowed: string) =>
                    refuse(ctx, domain, allowed, DOMAIN_EXAMPLE, ["privateEndpointOverrides", i, "domain"]);
                if (seen.has(domain.toLowerCase())) {
                    problem("a domain not already overridden");
                } else if (domain.toLowerCase() === discoveryHost) {
                    problem("a domain other than the discovery URL's, whose path is authorizer.privateEndpoint");
                }
                seen.add(domain.toLowerCase());
            });
        },
        // Across fields: checked even when one of them has a problem of its own, on a map only
        // (what is no map has one problem: that).
        { when: (payload) => isRecord(payload.value) },
    )
    .transform((a): JwtAuthorizerConfig => ({
        discoveryUrl: a.discoveryUrl,
        allowedAudience: a.allowedAudience,
        allowedClients: a.allowedClients,
        allowedScopes: a.allowedScopes,
        customClaims: a.customClaims.map((c): JwtCustomClaimConfig => ({
            claim: c.claim,
            valueType: JWT_CLAIM_OPERATORS[c.operator].valueType,
            operator: c.operator,
            value: c.value as string | string[],
        })),
        privateEndpoint: a.privateEndpoint,
        privateEndpointOverrides: a.privateEndpointOverrides.map((o) => ({
            domain: o.domain,
            privateEndpoint: o.privateEndpoint,
        })),
    }));

function discoveryRule() {
    return says(
        "an https URL ending in /.well-known/openid-configuration",
        `"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration"`,
    );
}

/**
 * A refinement of the runtime entry, read when its authorizer passed: a managed path to the
 * identity provider stays inside `vpcCidr`, the VPC the stack creates (undefined when it adopts
 * one or is an agent stack: no CIDR to hold it to).
 */
export function idpPathsInside(vpcCidr: string | undefined) {
    const vpc = vpcCidr === undefined ? undefined : parseCidr(vpcCidr);
    return (entry: { readonly authorizer?: JwtAuthorizerConfig }, ctx: z.core.$RefinementCtx): void => {
        const authorizer = entry.authorizer;
        if (!vpc || !authorizer) {
            return;
        }
        const paths = [
            { path: ["privateEndpoint"], endpoint: authorizer.privateEndpoint },
            ...authorizer.privateEndpointOverrides.map((o, j) => ({
                path: ["privateEndpointOverrides", j, "privateEndpoint"],
                endpoint: o.privateEndpoint,
            })),
        ];
        for (const { path, endpoint } of paths) {
            if (endpoint?.kind !== "managed") {
                continue;
            }
            endpoint.idpCidrs.forEach((cidr, j) => {
                const parsed = parseCidr(cidr);
                if (parsed && !cidrContains(vpc, parsed)) {
                    refuse(
                        ctx,
                        cidr,
                        `a CIDR inside vpcCidr ${vpcCidr}: the identity-provider path never leaves the VPC`,
                        `"${vpcCidr}"`,
                        ["authorizer", ...path, "managed", "idpCidrs", j],
                    );
                }
            });
        }
    };
}
