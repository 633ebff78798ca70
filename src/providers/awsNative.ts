/**
 * The parts of `@pulumi/aws-native` this project uses, and the only place that names them.
 * Same reason and rule as ./aws.ts: import `<path>/providers/awsNative`, never
 * `@pulumi/aws-native`; add a service with one line
 * (`export * as ecr from "@pulumi/aws-native/ecr";`).
 */
export * as bedrockagentcore from "@pulumi/aws-native/bedrockagentcore";
// Types only (`awsNative.types.input.bedrockagentcore...`): a value import would load every enum.
export type * as types from "@pulumi/aws-native/types";
