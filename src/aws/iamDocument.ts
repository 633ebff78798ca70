/**
 * Plain IAM policy document shapes and ARN building shared by the pure policy builders.
 * Nothing here touches Pulumi: the builders take plain values and return plain JSON, so
 * they are tested without mocks and the component only stringifies what they return.
 */

/** Condition block: operator → condition key → value(s), as IAM writes it. */
export type PolicyCondition = Record<string, Record<string, string | string[]>>;

/**
 * A service or AWS principal of a resource-based policy (trust, key, runtime or endpoint
 * policy); `"*"` is every caller, including JWT callers that are no IAM principal.
 */
export type PolicyPrincipal = { Service: string } | { AWS: string | string[] } | "*";

export interface PolicyStatement {
    /** IAM identity policies accept only letters and digits in a Sid. */
    Sid: string;
    Effect: "Allow" | "Deny";
    Principal?: PolicyPrincipal;
    Action: string[];
    /** A resource-based policy (trust, key) may omit it; an identity policy never does. */
    Resource?: string | string[];
    /** Every resource but these (a Deny that fences a resource type to the stack's own). */
    NotResource?: string | string[];
    Condition?: PolicyCondition;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Statement: PolicyStatement[];
}

/** Where the stack deploys: read from the provider invokes, never hard-coded. */
export interface AwsContext {
    /** `aws`, `aws-cn`, `aws-us-gov`. */
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` in the stack's own region and account. */
export function regionalArn(ctx: AwsContext, service: string, resource: string): string {
    return `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

/**
 * A role trust policy for one AWS service, limited to requests made on behalf of this
 * account (`aws:SourceAccount`) and of the given source ARNs (`aws:SourceArn`): the
 * confused-deputy guard AWS documents for service roles.
 */
export function serviceTrustPolicy(args: {
    readonly sid: string;
    readonly service: string;
    readonly accountId: string;
    readonly sourceArns: string | readonly string[];
}): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: args.sid,
                Effect: "Allow",
                Principal: { Service: args.service },
                Action: ["sts:AssumeRole"],
                Condition: {
                    StringEquals: { "aws:SourceAccount": args.accountId },
                    ArnLike: {
                        "aws:SourceArn": typeof args.sourceArns === "string" ? args.sourceArns : [...args.sourceArns],
                    },
                },
            },
        ],
    };
}

/** Sorted, de-duplicated copy: stable documents produce no spurious diffs. */
export function uniqueSorted(values: Iterable<string>): string[] {
    return [...new Set(values)].sort();
}
