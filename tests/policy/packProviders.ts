/**
 * The aws-native services whose types and classes the pack's fixtures use: the program's
 * (src/providers/awsNative.ts) plus those the pack covers although the program creates
 * none of them. Named submodules, not the root package, for the reason in src/providers/aws.ts
 * (the root's declarations alone are most of the type-check's time).
 */
export * from "../../src/providers/awsNative";
export * as cloudwatch from "@pulumi/aws-native/cloudwatch";
export * as ec2 from "@pulumi/aws-native/ec2";
export * as ecr from "@pulumi/aws-native/ecr";
export * as iam from "@pulumi/aws-native/iam";
export * as kms from "@pulumi/aws-native/kms";
export * as logs from "@pulumi/aws-native/logs";
export * as sns from "@pulumi/aws-native/sns";
export * as xray from "@pulumi/aws-native/xray";
