/**
 * Entry point of the CrossGuard policy pack that `pulumi preview --policy-pack policy` runs.
 * Constructing the pack starts the analyzer server, so this file does nothing else; the
 * policies are in ./policies.ts.
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_ENFORCEMENT_LEVEL, PACK_NAME, policies } from "./policies";

new PolicyPack(PACK_NAME, {
    description: "Guardrails for AWS Bedrock AgentCore runtimes running privately in a VPC.",
    enforcementLevel: PACK_ENFORCEMENT_LEVEL,
    policies,
});
