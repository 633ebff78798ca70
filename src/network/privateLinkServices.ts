/**
 * The interface endpoint services (`com.amazonaws.<region>.<suffix>`) a stack may add with
 * `endpointServices`, so that a misspelt name (`bedrock-runtme`) fails at preview instead of
 * at deploy. Each is offered in every region of SUPPORTED_AZ_IDS (src/aws/agentcore.ts),
 * per "AWS services that integrate with AWS PrivateLink"
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html)
 * and `aws ec2 describe-vpc-endpoint-services` in those regions.
 *
 * Escape hatch: a service this list lacks is written `unlisted:<suffix>`
 * (e.g. `unlisted:bedrock-data-automation-runtime`); the prefix says "I checked that my
 * region offers it" and is dropped before the endpoint is made. Add it here once it is
 * known to exist in every supported region.
 */
export const KNOWN_INTERFACE_ENDPOINT_SERVICES = [
    // AgentCore and Bedrock
    "bedrock-agentcore",
    "bedrock-agentcore.gateway",
    "bedrock-agentcore-control",
    "bedrock",
    "bedrock-runtime",
    "bedrock-agent",
    "bedrock-agent-runtime",
    // What a runtime needs to run with no internet path
    "ecr.api",
    "ecr.dkr",
    "logs",
    "monitoring",
    "xray",
    "sts",
    "kms",
    // Services agents commonly call
    "secretsmanager",
    "ssm",
    "ssmmessages",
    "ec2messages",
    "ec2",
    "lambda",
    "sqs",
    "sns",
    "events",
    "states",
    "execute-api",
    "dynamodb",
    "kinesis-streams",
    "kinesis-firehose",
    "athena",
    "glue",
    "sagemaker.api",
    "sagemaker.runtime",
    "elasticfilesystem",
    "rds-data",
    "ecs",
    "ecs-agent",
    "ecs-telemetry",
    "cloudformation",
    "codeartifact.api",
    "codeartifact.repositories",
] as const;

/** The prefix of a service name the list does not know: `unlisted:<suffix>`. */
export const UNLISTED_SERVICE_PREFIX = "unlisted:";
