/**
 * The parts of `@pulumi/aws` this project uses, and the only place that names them.
 *
 * Why: the root package loads every one of its ~250 service modules (and the compiler reads
 * every one of their declarations) although the program uses a handful; loading only these
 * is most of what makes the offline plan and the type-check fast (docs/plan.md, "Speed").
 *
 * The rule: code under index.ts, src/, scripts/ and policy/ imports
 * `import * as aws from "<path>/providers/aws"`, never `@pulumi/aws` (the lint's
 * no-restricted-imports, .oxlintrc.json, enforces it). Need another service? Add one line here
 * (`export * as ecr from "@pulumi/aws/ecr";`). The classes are the package's own, so
 * resource type tokens do not change (tests/aws/providers.spec.ts checks each one).
 */
export * as bedrock from "@pulumi/aws/bedrock";
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as ec2 from "@pulumi/aws/ec2";
export * as ecr from "@pulumi/aws/ecr";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as s3 from "@pulumi/aws/s3";
export * as secretsmanager from "@pulumi/aws/secretsmanager";
export * as sns from "@pulumi/aws/sns";
export * as vpc from "@pulumi/aws/vpc";
export * as xray from "@pulumi/aws/xray";
export { getCallerIdentity, getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
export { getPartition, getPartitionOutput } from "@pulumi/aws/getPartition";
export { getRegion, getRegionOutput } from "@pulumi/aws/getRegion";
// Types only (`aws.types.input.ec2.VpcArgs`): a value import would load every enum.
export type * as types from "@pulumi/aws/types";
