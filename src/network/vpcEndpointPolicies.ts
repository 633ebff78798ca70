/**
 * VPC endpoint policies: what may pass through each endpoint the stack creates. Without one,
 * an endpoint allows full access to its service, so code in the VPC could reach any
 * account's runtimes, repositories and buckets through it (data out, with someone else's
 * credentials). Each policy allows only what the stack needs. Pure: plain values in.
 *
 * Sources (quoted in docs/security.md "Private inbound"):
 * - AgentCore devguide "Use interface VPC endpoints": endpoint policies see only IAM
 *   principals; OAuth (JWT) requests need `Principal: "*"`; global condition keys apply.
 * - AgentCore devguide "VPC" ("Minimum S3 bucket permissions for container agents" and "for
 *   direct code deploy agents"): s3:GetObject on `prod-<region>-starport-layer-bucket/*`;
 *   the service-owned `acr-code-*-<region>-an` buckets with aws:PrincipalServiceName.
 * - AWS PrivateLink guide "Control access to VPC endpoints using endpoint policies".
 */
import { AGENTCORE_SERVICE_PRINCIPAL, S3_GATEWAY_SERVICE } from "../aws/agentcore";
import { parseEcrImageUri } from "../artifact/config";
import { S3_CODE_READ_ACTIONS } from "../artifact/readGrants";
import {
    AwsContext,
    PolicyDocument,
    policyDocument,
    PolicyStatement,
    regionalArn,
    uniqueSorted,
} from "../aws/iamDocument";
import {
    ECR_AUTH_ACTIONS,
    LOG_DESCRIBE_ACTIONS,
    LOG_GROUP_ACTIONS,
    LOG_STREAM_ACTIONS,
    MODEL_INVOKE_ACTIONS,
    XRAY_ACTIONS,
} from "../security/executionRole";
import { RUNTIME_INVOKE_ACTIONS } from "../inbound/resourcePolicy";

/** Read an image and its metadata; nothing that writes, so the endpoint cannot push data out. */
export const ECR_READ_ACTIONS = [
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:DescribeImages",
    "ecr:DescribeRepositories",
    "ecr:ListImages",
] as const;
/** Gateway invocation (MCP), the one data-plane action of `bedrock-agentcore.gateway`. */
export const GATEWAY_INVOKE_ACTIONS = ["bedrock-agentcore:InvokeGateway"] as const;
/** Read the stack's own code artifacts: exactly what the execution role reads (./artifactAccess.ts). */
export const CODE_BUCKET_READ_ACTIONS = S3_CODE_READ_ACTIONS;
/** ECR's layer fetch and AgentCore's code artifact fetch, as AWS documents them. */
export const LAYER_READ_ACTIONS = ["s3:GetObject"] as const;

/** The S3 bucket ECR keeps image layers in, per region (AgentCore devguide, VPC). */
export function ecrLayerBucketArn(partition: string, region: string): string {
    return `arn:${partition}:s3:::prod-${region}-starport-layer-bucket`;
}

/** AgentCore's service-owned code artifact buckets (account regional namespace), per region. */
export function agentcoreCodeBucketArn(partition: string, region: string): string {
    return `arn:${partition}:s3:::acr-code-*-${region}-an`;
}

export interface EndpointPolicyInput extends AwsContext {
    /** Model and inference-profile ARNs the agents call (bedrock-runtime). */
    readonly modelArns: readonly string[];
    /** Configured container images; a repository in another account (shared registry) is allowed by name. */
    readonly imageUris: readonly string[];
    /** The stack's own code buckets (direct code deployment); none by default. */
    readonly codeBucketArns: readonly string[];
    /** When set, the bedrock-agentcore endpoints admit this organization's principals instead of this account's. */
    readonly organizationId?: string;
    /**
     * A network stack's endpoints serve every agent stack of the account (or organization):
     * the bedrock-runtime, ECR and S3 policies then fence by identity and resource perimeter
     * (AWS's data-perimeter examples) instead of listing one stack's models, images and
     * buckets, which the network stack does not know. Default: false.
     */
    readonly dataPerimeter?: boolean;
}

/** The identity perimeter: principals of the organization when configured, else of this account. */
export function identityPerimeter(input: EndpointPolicyInput): Record<string, string> {
    return input.organizationId
        ? { "aws:PrincipalOrgID": input.organizationId }
        : { "aws:PrincipalAccount": input.accountId };
}

/** The resource perimeter: resources of the organization when configured, else of this account (`key`: aws:ResourceAccount or s3:ResourceAccount). */
export function resourcePerimeter(
    input: EndpointPolicyInput,
    accountKey = "aws:ResourceAccount",
): Record<string, string> {
    return input.organizationId ? { "aws:ResourceOrgID": input.organizationId } : { [accountKey]: input.accountId };
}

/** Both perimeters at once: a principal of ours acting on a resource of ours. */
function perimeter(input: EndpointPolicyInput, accountKey?: string): PolicyStatement["Condition"] {
    return { StringEquals: { ...identityPerimeter(input), ...resourcePerimeter(input, accountKey) } };
}

/** Web-identity and SAML federation are anonymous calls (no aws:PrincipalAccount), to a role of this account. */
export const STS_FEDERATION_ACTIONS = ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"] as const;

const principalAccount = (ctx: AwsContext) => ({ StringEquals: { "aws:PrincipalAccount": ctx.accountId } });
/** Callers of the AgentCore endpoints: the organization when configured, else this account. */
const agentcoreCallers = (input: EndpointPolicyInput) =>
    input.organizationId ? { StringEquals: { "aws:PrincipalOrgID": input.organizationId } } : principalAccount(input);
/**
 * For statements open to `Principal: "*"` (JWT callers): the Resource ARN already names this
 * account; aws:ResourceAccount re-checks it wherever the request carries the key. AWS does not
 * document whether AgentCore data-plane requests carry it, so `IfExists` keeps a request
 * without it from being refused, never admits another account's resource (the ARN does not).
 */
const resourceAccount = (ctx: AwsContext) => ({ StringEqualsIfExists: { "aws:ResourceAccount": ctx.accountId } });

function allow(
    sid: string,
    action: readonly string[],
    resource: string | string[],
    condition?: PolicyStatement["Condition"],
): PolicyStatement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: "*",
        Action: [...action],
        Resource: resource,
        ...(condition ? { Condition: condition } : {}),
    };
}

/** ECR repository ARNs: every repository of this account, plus configured images held elsewhere. */
export function endpointRepositoryArns(input: EndpointPolicyInput): string[] {
    const foreign = input.imageUris.flatMap((uri) => {
        const image = parseEcrImageUri(uri);
        return image && image.account !== input.accountId
            ? [`arn:${input.partition}:ecr:${image.region}:${image.account}:repository/${image.repository}`]
            : [];
    });
    return [regionalArn(input, "ecr", "repository/*"), ...uniqueSorted(foreign)];
}

/** bedrock-agentcore (data plane): this account's resources, for this account's callers and JWT callers of its runtimes. */
function agentcoreDataPlane(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(
        allow(
            "AccountCallersToAccountResources",
            ["bedrock-agentcore:*"],
            regionalArn(input, "bedrock-agentcore", "*"),
            agentcoreCallers(input),
        ),
        // JWT callers are no IAM principal, so aws:PrincipalAccount cannot admit them: any
        // caller, but only this account's runtimes. The runtime's resource policy then
        // decides who and from where (docs: "the principal must be set to * for OAuth").
        allow(
            "AnyCallerToAccountRuntimes",
            RUNTIME_INVOKE_ACTIONS,
            regionalArn(input, "bedrock-agentcore", "runtime/*"),
            resourceAccount(input),
        ),
    );
}

/** bedrock-agentcore.gateway: invoke this account's gateways (OAuth gateways need Principal "*"). */
function agentcoreGateway(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(
        allow(
            "AnyCallerToAccountGateways",
            GATEWAY_INVOKE_ACTIONS,
            regionalArn(input, "bedrock-agentcore", "gateway/*"),
            resourceAccount(input),
        ),
    );
}

function ecr(input: EndpointPolicyInput): PolicyDocument {
    if (input.dataPerimeter) {
        return policyDocument(
            allow(
                "PerimeterReadRepositories",
                ECR_READ_ACTIONS,
                `arn:${input.partition}:ecr:${input.region}:*:repository/*`,
                perimeter(input),
            ),
            allow("PerimeterRegistryLogin", ECR_AUTH_ACTIONS, "*", { StringEquals: identityPerimeter(input) }),
        );
    }
    return policyDocument(
        allow(
            "AccountCallersReadRepositories",
            ECR_READ_ACTIONS,
            endpointRepositoryArns(input),
            principalAccount(input),
        ),
        // GetAuthorizationToken has no resource type: "*" with the caller's account is its scope.
        allow("AccountCallersRegistryLogin", ECR_AUTH_ACTIONS, "*", principalAccount(input)),
    );
}

function logs(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(
        allow(
            "AccountCallersWriteAccountLogGroups",
            [...LOG_GROUP_ACTIONS, ...LOG_STREAM_ACTIONS, ...LOG_DESCRIBE_ACTIONS],
            // `log-group:*` also covers `log-group:<name>:log-stream:<stream>`.
            regionalArn(input, "logs", "log-group:*"),
            principalAccount(input),
        ),
    );
}

function bedrockRuntime(input: EndpointPolicyInput): PolicyDocument {
    if (input.dataPerimeter) {
        return policyDocument(
            // AWS-owned: foundation models carry no account in their ARN (the documented exception).
            allow(
                "PerimeterPrincipalsToFoundationModels",
                MODEL_INVOKE_ACTIONS,
                `arn:${input.partition}:bedrock:*::foundation-model/*`,
                { StringEquals: identityPerimeter(input) },
            ),
            allow(
                "PerimeterPrincipalsToPerimeterModels",
                MODEL_INVOKE_ACTIONS,
                `arn:${input.partition}:bedrock:*:*:*`,
                perimeter(input),
            ),
        );
    }
    if (input.modelArns.length === 0) {
        // No model configured: nothing may pass (an endpoint policy needs one statement).
        return policyDocument({
            Sid: "NoModelsConfigured",
            Effect: "Deny",
            Principal: "*",
            Action: ["*"],
            Resource: "*",
        });
    }
    return policyDocument(
        allow(
            "AccountCallersInvokeConfiguredModels",
            MODEL_INVOKE_ACTIONS,
            uniqueSorted(input.modelArns),
            principalAccount(input),
        ),
    );
}

/** The S3 gateway endpoint: ECR's layer bucket, and with direct code the code buckets; nothing else. */
export function s3GatewayPolicy(input: EndpointPolicyInput): PolicyDocument {
    const statements: PolicyStatement[] = [
        // AWS documents this statement without a condition: the layers are fetched by an
        // AWS-managed principal, not one of this account. GetObject on one AWS bucket only.
        allow("EcrImageLayers", LAYER_READ_ACTIONS, `${ecrLayerBucketArn(input.partition, input.region)}/*`),
    ];
    if (input.dataPerimeter) {
        statements.push(
            // Any S3 request of a principal of ours to a bucket of ours (the data-perimeter
            // examples' identity and resource perimeter): agent stacks' code buckets, and the
            // other workloads of an adopted VPC, keep working; another account's bucket does not.
            allow("PerimeterPrincipalsToPerimeterBuckets", ["s3:*"], "*", perimeter(input, "s3:ResourceAccount")),
            agentcoreCodeArtifacts(input),
        );
    } else if (input.codeBucketArns.length > 0) {
        statements.push(
            allow(
                "StackCodeArtifacts",
                CODE_BUCKET_READ_ACTIONS,
                uniqueSorted(input.codeBucketArns).map((arn) => `${arn}/*`),
                {
                    StringEquals: { "aws:PrincipalAccount": input.accountId, "aws:ResourceAccount": input.accountId },
                },
            ),
            agentcoreCodeArtifacts(input),
        );
    }
    return policyDocument(...statements);
}

/** AgentCore's service-owned code buckets, read by the AgentCore service principal (AWS-owned exception). */
function agentcoreCodeArtifacts(input: EndpointPolicyInput): PolicyStatement {
    return allow(
        "AgentCoreCodeArtifacts",
        LAYER_READ_ACTIONS,
        [
            agentcoreCodeBucketArn(input.partition, input.region),
            `${agentcoreCodeBucketArn(input.partition, input.region)}/*`,
        ],
        { StringEquals: { "aws:PrincipalServiceName": AGENTCORE_SERVICE_PRINCIPAL } },
    );
}

/**
 * sts: this account's callers, and the anonymous federation calls (web identity: EKS IRSA,
 * GitHub OIDC runners; SAML) that carry no aws:PrincipalAccount, into roles of this account.
 */
function sts(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(
        ...accountOnlyPolicy(input).Statement,
        allow(
            "FederationIntoAccountRoles",
            STS_FEDERATION_ACTIONS,
            `arn:${input.partition}:iam::${input.accountId}:role/*`,
            { StringEquals: { "aws:ResourceAccount": input.accountId } },
        ),
    );
}

/**
 * xray: what the runtimes send through it (trace segments, the OTLP endpoint's spans, sampling
 * reads: the execution role's X-Ray actions), for this account's callers. These actions have no
 * resource type, so `*` with the caller's account is their scope; nothing that reads traces
 * or changes X-Ray settings passes.
 */
function xray(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(allow("AccountCallersSendTraces", XRAY_ACTIONS, "*", principalAccount(input)));
}

/**
 * secretsmanager: both perimeters, so code in the VPC reaches only secrets of this account (or
 * organization) and cannot write into, or read from, another account's secret through the
 * endpoint. Actions without a resource (ListSecrets, GetRandomPassword) carry no
 * aws:ResourceAccount and are therefore refused; the runtimes read their secrets by ARN.
 */
function secretsManager(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(allow("OwnPrincipalsOwnSecrets", ["secretsmanager:*"], "*", perimeter(input)));
}

/** Any other interface endpoint (sts, monitoring…): this account's callers only. */
export function accountOnlyPolicy(input: AwsContext): PolicyDocument {
    return policyDocument(allow("AccountCallersOnly", ["*"], "*", principalAccount(input)));
}

/** bedrock-agentcore-control: the control plane, for this account's (or organization's) callers. */
function agentcoreControlPlane(input: EndpointPolicyInput): PolicyDocument {
    return policyDocument(allow("AccountCallersOnly", ["bedrock-agentcore:*"], "*", agentcoreCallers(input)));
}

/** The endpoint policy of one endpoint service suffix (`ecr.api`, `s3`, `sts`…). */
export function endpointPolicy(service: string, input: EndpointPolicyInput): PolicyDocument {
    switch (service) {
        case "bedrock-agentcore":
            return agentcoreDataPlane(input);
        case "bedrock-agentcore.gateway":
            return agentcoreGateway(input);
        case "bedrock-agentcore-control":
            return agentcoreControlPlane(input);
        case "ecr.api":
        case "ecr.dkr":
            return ecr(input);
        case "logs":
            return logs(input);
        case "bedrock-runtime":
            return bedrockRuntime(input);
        case "xray":
            return xray(input);
        case S3_GATEWAY_SERVICE:
            return s3GatewayPolicy(input);
        case "sts":
            return sts(input);
        case "secretsmanager":
            return secretsManager(input);
        default:
            return accountOnlyPolicy(input);
    }
}
