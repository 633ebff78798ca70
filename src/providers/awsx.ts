/**
 * The parts of `@pulumi/awsx` this project uses, and the only place that names them. Same
 * reason and rule as ./aws.ts: the root package loads every awsx module and with them the
 * whole `@pulumi/aws` root; `@pulumi/awsx/ecr` alone loads neither (its classes are lazy).
 */
export * as ecr from "@pulumi/awsx/ecr";
