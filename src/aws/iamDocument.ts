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

/** A policy document of these statements, in the policy language version IAM documents (2012-10-17). */
export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
    return { Version: "2012-10-17", Statement: statements };
}

/**
 * A statement that lets one AWS service act only on behalf of this account
 * (`aws:SourceAccount`) and, where given, of `sourceArns` (`aws:SourceArn`): the
 * confused-deputy guard AWS documents for service principals. `conditions` are the service's
 * own narrower keys, written before the guard.
 */
export function serviceStatement(args: {
    readonly sid: string;
    readonly service: string;
    readonly actions: readonly string[];
    /** A trust policy names no resource. */
    readonly resource?: string | string[];
    readonly accountId: string;
    readonly sourceArns?: string | readonly string[];
    readonly conditions?: PolicyCondition;
}): PolicyStatement {
    const sourceArns = args.sourceArns;
    return {
        Sid: args.sid,
        Effect: "Allow",
        Principal: { Service: args.service },
        Action: [...args.actions],
        ...(args.resource !== undefined && { Resource: args.resource }),
        Condition: {
            ...args.conditions,
            StringEquals: { "aws:SourceAccount": args.accountId },
            ...(sourceArns !== undefined && {
                ArnLike: { "aws:SourceArn": typeof sourceArns === "string" ? sourceArns : [...sourceArns] },
            }),
        },
    };
}

/** A statement that denies `actions` on `resource` to every caller over plain HTTP (`aws:SecureTransport` false). */
export function denyWithoutTls(sid: string, actions: readonly string[], resource: string | string[]): PolicyStatement {
    return {
        Sid: sid,
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: [...actions],
        Resource: resource,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
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
    return policyDocument(serviceStatement({ ...args, actions: ["sts:AssumeRole"] }));
}

/** Sorted, de-duplicated copy: stable documents produce no spurious diffs. */
export function uniqueSorted(values: Iterable<string>): string[] {
    return [...new Set(values)].sort();
}
