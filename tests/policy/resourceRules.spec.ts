/**
 * Resource rules run the way the engine runs them, with the messages a user reads pinned:
 * ecr-repository-encrypted-immutable-scanned (ECR User Guide: encryptionType KMS with a
 * customer managed kmsKey, imageTagMutability IMMUTABLE, scanOnPush true) and
 * agentcore-runtime-vpc-mode (../shared/AGENTCORE.md: networkMode VPC with subnets and security
 * groups; on Instances, capacityProviderConfiguration and no networkConfiguration).
 */
import { expect } from "chai";
import { ecrRepositorySecure } from "../../policy/rules/ecrRepository";
import { runtimeVpcMode } from "../../policy/rules/runtimeVpcMode";
import { reported } from "./reported";
import { UNKNOWN_ARRAY, UNKNOWN_BOOLEAN, UNKNOWN_OBJECT, UNKNOWN_STRING } from "./unknowns";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

describe("pack: ecr-repository-encrypted-immutable-scanned, run as the engine runs it", () => {
    const CLASSIC = "aws:ecr/repository:Repository";
    const NATIVE = "aws-native:ecr:Repository";
    const classic = (overrides: Record<string, unknown> = {}) => ({
        name: "agentcore-staging/support_agent",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
        ...overrides,
    });
    const native = (overrides: Record<string, unknown> = {}) => ({
        repositoryName: "agentcore-staging/support_agent",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: "KMS", kmsKey: KEY },
        ...overrides,
    });
    const NOT_KMS =
        'Repository "subject" is not encrypted with KMS (AES256 by default): set encryptionType KMS and kmsKey to the stack\'s customer managed KMS key.';
    const AWS_MANAGED =
        'Repository "subject" is encrypted with the AWS managed key aws/ecr: set the encryption kmsKey to the stack\'s customer managed KMS key.';
    const MUTABLE_DEFAULT =
        'Repository "subject" has mutable tags (the default MUTABLE): set imageTagMutability IMMUTABLE so a tag can never be moved to another image.';
    const mutability = (value: string) =>
        `Repository "subject" has imageTagMutability "${value}": set imageTagMutability IMMUTABLE so a tag can never be moved to another image.`;
    const NO_SCAN =
        'Repository "subject" does not scan images on push: set imageScanningConfiguration.scanOnPush true.';

    it("is a mandatory, high-severity rule that ignores other types", () => {
        expect(ecrRepositorySecure).to.include({ enforcementLevel: "mandatory", severity: "high" });
        expect(reported(ecrRepositorySecure, "aws:ecr/repositoryPolicy:RepositoryPolicy", {})).to.deep.equal([]);
    });

    it("passes a compliant repository in either provider", () => {
        expect(reported(ecrRepositorySecure, CLASSIC, classic())).to.deep.equal([]);
        expect(reported(ecrRepositorySecure, NATIVE, native())).to.deep.equal([]);
    });

    it("reports the defaults, three findings in order, on both providers", () => {
        expect(reported(ecrRepositorySecure, CLASSIC, { name: "r" })).to.deep.equal([
            NOT_KMS,
            MUTABLE_DEFAULT,
            NO_SCAN,
        ]);
        expect(reported(ecrRepositorySecure, NATIVE, { repositoryName: "r" })).to.deep.equal([
            NOT_KMS,
            MUTABLE_DEFAULT,
            NO_SCAN,
        ]);
    });

    it("encryption: AES256 and no type are not KMS; KMS without a key, or an empty one, is the AWS managed key", () => {
        expect(
            reported(ecrRepositorySecure, NATIVE, native({ encryptionConfiguration: { encryptionType: "AES256" } })),
        ).to.deep.equal([NOT_KMS]);
        expect(
            reported(ecrRepositorySecure, CLASSIC, classic({ encryptionConfigurations: [{ kmsKey: KEY }] })),
        ).to.deep.equal([NOT_KMS]);
        expect(
            reported(ecrRepositorySecure, CLASSIC, classic({ encryptionConfigurations: [{ encryptionType: "KMS" }] })),
        ).to.deep.equal([AWS_MANAGED]);
        expect(
            reported(
                ecrRepositorySecure,
                NATIVE,
                native({ encryptionConfiguration: { encryptionType: "KMS", kmsKey: "  " } }),
            ),
        ).to.deep.equal([AWS_MANAGED]);
    });

    it("encryption unknown during preview: the whole list, the configuration, its type or its key", () => {
        for (const props of [
            classic({ encryptionConfigurations: UNKNOWN_ARRAY }),
            native({ encryptionConfiguration: UNKNOWN_OBJECT }),
            classic({ encryptionConfigurations: [{ encryptionType: UNKNOWN_STRING }] }),
            native({ encryptionConfiguration: { encryptionType: "KMS", kmsKey: UNKNOWN_STRING } }),
        ]) {
            const type = "name" in props ? CLASSIC : NATIVE;
            expect(reported(ecrRepositorySecure, type, props), JSON.stringify(props)).to.deep.equal([]);
        }
    });

    it("tag mutability: MUTABLE and IMMUTABLE_WITH_EXCLUSION are named as given; unknown passes", () => {
        expect(reported(ecrRepositorySecure, CLASSIC, classic({ imageTagMutability: "MUTABLE" }))).to.deep.equal([
            mutability("MUTABLE"),
        ]);
        expect(
            reported(ecrRepositorySecure, NATIVE, native({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" })),
        ).to.deep.equal([mutability("IMMUTABLE_WITH_EXCLUSION")]);
        expect(reported(ecrRepositorySecure, CLASSIC, classic({ imageTagMutability: UNKNOWN_STRING }))).to.deep.equal(
            [],
        );
    });

    it("scanning: off, unset or without the configuration fails; unknown passes", () => {
        for (const scanning of [{ scanOnPush: false }, {}, undefined]) {
            expect(
                reported(ecrRepositorySecure, CLASSIC, classic({ imageScanningConfiguration: scanning })),
                JSON.stringify(scanning),
            ).to.deep.equal([NO_SCAN]);
        }
        expect(
            reported(ecrRepositorySecure, NATIVE, native({ imageScanningConfiguration: UNKNOWN_OBJECT })),
        ).to.deep.equal([]);
        expect(
            reported(
                ecrRepositorySecure,
                NATIVE,
                native({ imageScanningConfiguration: { scanOnPush: UNKNOWN_BOOLEAN } }),
            ),
        ).to.deep.equal([]);
    });
});

describe("pack: agentcore-runtime-vpc-mode, Instances runtimes and unknowns", () => {
    const RUNTIME = "aws-native:bedrockagentcore:Runtime";
    const ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/agents_staging-abc";
    const network = { networkMode: "VPC", networkModeConfig: { subnets: ["subnet-0a"], securityGroups: ["sg-0a"] } };
    const BESIDE =
        'Runtime "subject" sets networkConfiguration beside capacityProviderConfiguration, which AWS rejects: remove networkConfiguration (the runtime inherits the capacity provider\'s subnets and security groups).';

    it("passes a runtime on a capacity provider without networkConfiguration, the ARN known or not", () => {
        expect(
            reported(runtimeVpcMode, RUNTIME, { capacityProviderConfiguration: { capacityProviderArn: ARN } }),
        ).to.deep.equal([]);
        expect(
            reported(runtimeVpcMode, RUNTIME, {
                capacityProviderConfiguration: { capacityProviderArn: UNKNOWN_STRING },
            }),
        ).to.deep.equal([]);
    });

    it("fails a runtime on a capacity provider that also sets networkConfiguration, with only that finding", () => {
        expect(
            reported(runtimeVpcMode, RUNTIME, {
                capacityProviderConfiguration: { capacityProviderArn: ARN },
                networkConfiguration: network,
            }),
        ).to.deep.equal([BESIDE]);
        expect(
            reported(runtimeVpcMode, RUNTIME, {
                capacityProviderConfiguration: { capacityProviderArn: UNKNOWN_STRING },
                networkConfiguration: { networkMode: "PUBLIC" },
            }),
        ).to.deep.equal([BESIDE]);
    });

    it("near miss: a capacityProviderConfiguration without an ARN is judged as a microVM runtime", () => {
        expect(reported(runtimeVpcMode, RUNTIME, { capacityProviderConfiguration: {} })).to.have.length(1);
        expect(reported(runtimeVpcMode, RUNTIME, { capacityProviderConfiguration: {} })[0]).to.include(
            "has no networkConfiguration, so it would run in PUBLIC mode",
        );
        expect(
            reported(runtimeVpcMode, RUNTIME, { capacityProviderConfiguration: {}, networkConfiguration: network }),
        ).to.deep.equal([]);
    });

    it("passes a networkModeConfig or a whole networkConfiguration unknown during preview", () => {
        expect(
            reported(runtimeVpcMode, RUNTIME, {
                networkConfiguration: { networkMode: "VPC", networkModeConfig: UNKNOWN_OBJECT },
            }),
        ).to.deep.equal([]);
        expect(reported(runtimeVpcMode, RUNTIME, { networkConfiguration: UNKNOWN_OBJECT })).to.deep.equal([]);
    });
});
