/**
 * The runtime each provider would get, checked against that provider's own type declarations:
 * every property the program passes, at every depth (authorizer, claims, private endpoints,
 * file systems), is one the resource declares. The compiler checks the mapping's types; this
 * checks the recorded inputs of a real run, so nothing the type system lets through (an extra
 * key spread in, an `as`) reaches the provider. Both providers, with every capability in use.
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { RecordedResource, rawStack, REPO_ROOT, runFixtureStack } from "../helpers";
import { EFS_AP, PRIVATE_IDP_URL, S3_FILES_AP, SECRET } from "./capabilityFacts";

interface Declared {
    /** Property name → the referenced interface of its type (or of its list's items), if any. */
    readonly props: Map<string, string | undefined>;
}

/** Interfaces of one `namespace <ns>` of a types/input.d.ts, plus those of a resource's own file. */
function declarations(files: string[], ns: string): Map<string, Declared> {
    const out = new Map<string, Declared>();
    for (const file of files) {
        const text = fs.readFileSync(path.join(REPO_ROOT, "node_modules", file), "utf8");
        for (const m of text.matchAll(/interface (\w+) \{([\s\S]*?)\n\s*\}\n/g)) {
            const props = new Map<string, string | undefined>();
            for (const p of m[2].matchAll(/^\s+(\w+)\??: (.*)$/gm)) {
                const ref = new RegExp(`inputs\\.${ns}\\.(\\w+)`).exec(p[2]);
                props.set(p[1], ref?.[1]);
            }
            out.set(m[1], { props });
        }
    }
    return out;
}

/** Every property path of `value` that interface `type` does not declare. */
function undeclared(value: unknown, type: string, decls: Map<string, Declared>, at: string): string[] {
    const decl = decls.get(type);
    if (!decl) {
        return [`${at}: no declaration ${type}`];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => undeclared(v, type, decls, `${at}[${i}]`));
    }
    if (typeof value !== "object" || value === null) {
        return [];
    }
    return Object.entries(value).flatMap(([key, v]) => {
        if (v === undefined) {
            return [];
        }
        if (!decl.props.has(key)) {
            return [`${at}.${key}`];
        }
        const ref = decl.props.get(key);
        return ref ? undeclared(v, ref, decls, `${at}.${key}`) : [];
    });
}

const PROVIDERS = {
    "aws-native": {
        type: "aws-native:bedrockagentcore:Runtime",
        root: "RuntimeArgs",
        decls: () =>
            declarations(
                ["@pulumi/aws-native/types/input.d.ts", "@pulumi/aws-native/bedrockagentcore/runtime.d.ts"],
                "bedrockagentcore",
            ),
    },
    aws: {
        type: "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
        root: "AgentcoreAgentRuntimeArgs",
        decls: () =>
            declarations(["@pulumi/aws/types/input.d.ts", "@pulumi/aws/bedrock/agentcoreAgentRuntime.d.ts"], "bedrock"),
    },
} as const;

const [base] = JSON.parse(rawStack("staging").values.runtimes) as Record<string, unknown>[];
const everything = {
    ...base,
    authorizer: {
        discoveryUrl: PRIVATE_IDP_URL,
        allowedAudience: ["support-agent"],
        allowedClients: ["3stagingclient0example"],
        allowedScopes: ["agents/invoke"],
        customClaims: [
            { claim: "tier", operator: "EQUALS", value: "internal" },
            { claim: "roles", operator: "CONTAINS_ANY", value: ["a", "b"] },
        ],
        privateEndpoint: { managed: { idpCidrs: ["10.20.12.0/24"], routingDomain: "idp.internal.example.com" } },
        privateEndpointOverrides: [
            {
                domain: "keys.internal.example.com",
                privateEndpoint: { resourceConfiguration: "rcfg-0123456789abcdef0" },
            },
        ],
    },
    filesystems: [
        { kind: "sessionStorage", mountPath: "/mnt/workspace" },
        { kind: "efs", accessPointArn: EFS_AP, fileSystemId: "fs-0123456789abcdef0", mountPath: "/mnt/shared" },
        { kind: "s3Files", accessPointArn: S3_FILES_AP, mountPath: "/mnt/data" },
    ],
    secrets: { LEDGER_SECRET_ARN: { arn: SECRET } },
};

for (const [provider, spec] of Object.entries(PROVIDERS)) {
    describe(`runtime inputs against the ${provider} provider's declarations`, () => {
        const decls = spec.decls();

        it("the checker finds a property the provider lacks (its own near miss)", () => {
            expect(
                undeclared(
                    { authorizerConfiguration: { customJwtAuthorizer: { cpu: 1 } } },
                    spec.root,
                    decls,
                    "runtime",
                ),
            ).to.deep.equal(["runtime.authorizerConfiguration.customJwtAuthorizer.cpu"]);
        });

        it("every property of a runtime using every capability is declared", async () => {
            const run = await runFixtureStack("staging", {
                runtimes: JSON.stringify([everything]),
                runtimeProvider: provider,
            });
            expect(run.error?.message).to.equal(undefined);
            const runtime = run.resources.find((r: RecordedResource) => r.type === spec.type)!;
            expect(runtime.inputs.filesystemConfigurations).to.have.length(3);
            expect(undeclared(runtime.inputs, spec.root, decls, "runtime")).to.deep.equal([]);
        });
    });
}
