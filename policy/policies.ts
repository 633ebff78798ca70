/**
 * The policies of the pack, importable without starting anything: `new PolicyPack()` starts
 * a gRPC server and allows one pack per process, so it lives in index.ts alone, while the
 * tests and the offline plan (src/plan/offline/evaluate.ts) use this list directly.
 */
import { EnforcementLevel, Policies } from "@pulumi/policy";
import { alarmActions } from "./rules/alarmActions";
import { filesystemGrantsScoped, nfsEgressInVpc, productionJwtRestricted } from "./rules/capabilities";
import { endpointHasPolicy, endpointPolicyAnyPrincipalConditioned } from "./rules/endpointPolicies";
import { productionRuntimeVpcOnly } from "./rules/runtimeResourcePolicy";
import { codeBucketProtected } from "./rules/codeBucket";
import { objectCopyPrivateEncrypted } from "./rules/objectCopy";
import { ecrRepositorySecure } from "./rules/ecrRepository";
import { executionRoleNoAttachedPolicies, executionRoleNoManagedPolicies } from "./rules/executionRoleManagedPolicies";
import { executionRoleTrust } from "./rules/executionRoleTrust";
import { iamLeastPrivilege } from "./rules/iamLeastPrivilege";
import { interfaceEndpoints } from "./rules/interfaceEndpoints";
import { kmsKeyRotation } from "./rules/kmsKeyRotation";
import { logGroupEncryptedRetained } from "./rules/logGroupEncryptedRetained";
import { noOpenEgress } from "./rules/noOpenEgress";
import { noPublicIngress } from "./rules/noPublicIngress";
import { noServiceLogGroups, noSessionCountAlarms, transactionSearchProductionOnly } from "./rules/observability";
import { productionProtected } from "./rules/productionProtected";
import { runtimeVpcMode } from "./rules/runtimeVpcMode";
import { capacityProviderInAgentSubnets, capacityProviderPrivate } from "./rules/capacityProvider";
import { kmsKeyPolicyRolesViaService } from "./rules/kmsKeyPolicyRoles";
import { snsTopicEncrypted } from "./rules/snsTopicEncrypted";

/** The pack name Pulumi shows next to each violation (letters, digits, -, _, . only). */
export const PACK_NAME = "agentcore-private-guardrails";

/** Every violation blocks the preview or update: these are the private-runtime invariants. */
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "mandatory";

export const policies: Policies = [
    runtimeVpcMode,
    capacityProviderPrivate,
    capacityProviderInAgentSubnets,
    noPublicIngress,
    noOpenEgress,
    interfaceEndpoints,
    executionRoleTrust,
    iamLeastPrivilege,
    executionRoleNoManagedPolicies,
    executionRoleNoAttachedPolicies,
    kmsKeyRotation,
    kmsKeyPolicyRolesViaService,
    logGroupEncryptedRetained,
    snsTopicEncrypted,
    alarmActions,
    productionProtected,
    noServiceLogGroups,
    noSessionCountAlarms,
    transactionSearchProductionOnly,
    endpointHasPolicy,
    endpointPolicyAnyPrincipalConditioned,
    productionRuntimeVpcOnly,
    ecrRepositorySecure,
    codeBucketProtected,
    objectCopyPrivateEncrypted,
    productionJwtRestricted,
    nfsEgressInVpc,
    filesystemGrantsScoped,
];
