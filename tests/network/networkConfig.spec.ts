/**
 * Network config rules no other spec states with their exact message: AZ IDs given while
 * adopting a VPC (its zones are those of subnetIds), and an endpoint service listed twice, also
 * when one entry is the `unlisted:` form of the other. Each with its near miss.
 */
import { expect } from "chai";
import { configProblems, rawStack } from "../helpers";

const ADOPTED = {
    vpcId: "vpc-0a1b2c3d4e5f60718",
    subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
    routeTableIds: ["rtb-0a1b2c3d4e5f60718"],
};

describe("network config: availabilityZoneIds with an adopted VPC", () => {
    it("refuses AZ IDs: the adopted subnets decide the zones", () => {
        expect(
            configProblems(rawStack("development", { ...ADOPTED, availabilityZoneIds: ["use1-az1", "use1-az2"] })),
        ).to.deep.equal([
            'availabilityZoneIds ["use1-az1","use1-az2"] is invalid: leave it empty when adopting an existing VPC: the zones are those of subnetIds (e.g. [])',
        ]);
    });

    it("near misses: an empty list when adopting, and AZ IDs for a created VPC, are accepted", () => {
        expect(configProblems(rawStack("development", { ...ADOPTED, availabilityZoneIds: [] }))).to.deep.equal([]);
        expect(
            configProblems(rawStack("development", { availabilityZoneIds: ["use1-az1", "use1-az2"] })),
        ).to.deep.equal([]);
    });
});

describe("network config: endpointServices listed twice", () => {
    it("refuses the second entry of a service, naming its index", () => {
        expect(
            configProblems(
                rawStack("development", { endpointServices: ["bedrock-runtime", "sts", "bedrock-runtime"] }),
            ),
        ).to.deep.equal([
            'endpointServices[2] "bedrock-runtime" is invalid: a value not already listed (each service once) (e.g. a different value than "bedrock-runtime")',
        ]);
    });

    it("counts an unlisted: entry as the service it names", () => {
        expect(configProblems(rawStack("development", { endpointServices: ["sts", "unlisted:sts"] }))).to.deep.equal([
            'endpointServices[1] "sts" is invalid: a value not already listed (each service once) (e.g. a different value than "sts")',
        ]);
    });

    it("near miss: distinct services are accepted", () => {
        expect(configProblems(rawStack("development", { endpointServices: ["bedrock-runtime", "sts"] }))).to.deep.equal(
            [],
        );
    });
});
