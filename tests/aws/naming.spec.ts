/**
 * Names built from parts (src/aws/naming.ts, src/aws/agentcore.ts): the stack's component name,
 * the flow-log group prefix, and an endpoint service's full name as the PrivateLink Guide writes
 * it (com.amazonaws.<region>.<service>).
 */
import { expect } from "chai";
import { endpointServiceName } from "../../src/aws/agentcore";
import { FLOW_LOG_GROUP_PREFIX, stackComponentName } from "../../src/aws/naming";
import { REQUIRED_ENDPOINT_SERVICES } from "../network/requirements";

describe("names built from parts", () => {
    it("an endpoint service is com.amazonaws.<region>.<service>", () => {
        expect(endpointServiceName("us-east-1", "logs")).to.equal("com.amazonaws.us-east-1.logs");
        expect(REQUIRED_ENDPOINT_SERVICES.map((s) => endpointServiceName("eu-west-1", s))).to.deep.equal([
            "com.amazonaws.eu-west-1.bedrock-agentcore",
            "com.amazonaws.eu-west-1.bedrock-agentcore.gateway",
            "com.amazonaws.eu-west-1.ecr.api",
            "com.amazonaws.eu-west-1.ecr.dkr",
            "com.amazonaws.eu-west-1.logs",
        ]);
    });

    it("the component is agentcore-<stack>; its flow-log group is /aws/vpc/flow-logs/<component>", () => {
        expect(stackComponentName("staging")).to.equal("agentcore-staging");
        expect(FLOW_LOG_GROUP_PREFIX + stackComponentName("staging")).to.equal("/aws/vpc/flow-logs/agentcore-staging");
    });
});
