/**
 * A resource rule of the pack run on one resource the way the engine runs it: the args built
 * by src/plan/offline/evaluate.ts (props behind the engine's unknown-checking proxy), every
 * validation of the rule, each of which must be synchronous.
 */
import { ResourceValidationPolicy } from "@pulumi/policy";
import { expect } from "chai";
import { resourceArgs } from "../../src/plan/offline/evaluate";
import { urnOf } from "../recordedResource";

/** The messages `policy` reports for one resource of `type`; defaults: stack development, name "subject", unprotected. */
export function reported(
    policy: ResourceValidationPolicy,
    type: string,
    props: object,
    opts: { stack?: string; protect?: boolean; name?: string } = {},
): string[] {
    const name = opts.name ?? "subject";
    const args = resourceArgs({
        type,
        name,
        urn: urnOf(opts.stack ?? "development", type, name),
        props: props as Record<string, unknown>,
        protect: opts.protect,
    });
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
    const messages: string[] = [];
    for (const validate of validations) {
        const result = validate(args, (message) => messages.push(message));
        expect(result).to.equal(undefined, "rules are synchronous");
    }
    return messages;
}
