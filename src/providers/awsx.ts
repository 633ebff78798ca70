/**
 * The parts of `@pulumi/awsx` this project uses, and the only place that names them. Same
 * reason and rule as ./aws.ts: the root package loads every awsx module and with them the
 * whole `@pulumi/aws` root. `ecr/image` rather than `ecr`: the `ecr` module's declarations
 * (its Repository's arguments) import the `@pulumi/aws` root, which put all 2,700 of that
 * package's declaration files into the type-check; `ecr/image` names only `@pulumi/pulumi`
 * and awsx's enums.
 */
export * as ecr from "@pulumi/awsx/ecr/image";
