// Lint: the recommended JavaScript and TypeScript rules, plus a few that catch real bugs in
// Pulumi programs (floating promises are left to the type checker's strict mode).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Provider packages whose root loads every service module (and every service's declarations). */
const PROVIDER_ROOTS = ["@pulumi/aws", "@pulumi/aws-native", "@pulumi/awsx"];
const FACADE_RULE =
    "Import the provider through src/providers (aws.ts, awsNative.ts) and add the service there: " +
    "the root package loads every service module, which is most of the plan's and the type-check's time (docs/plan.md, Speed).";

export default tseslint.config(
    // .stryker-tmp holds the mutation run's sandbox copies of the project (npm run mutate).
    {
        ignores: [
            "node_modules/**",
            "bin/**",
            ".build/**",
            ".stryker-tmp/**",
            "reports/**",
            "agents/*/dist/**",
            "agents/*/dist-image/**",
            "agents/*/node_modules/**",
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            "no-console": "off",
            eqeqeq: ["error", "always"],
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        },
    },
    {
        // The program, the plan and the pack name provider services only in src/providers.
        files: ["**/*.ts"],
        ignores: ["src/providers/**", "tests/**"],
        rules: {
            "no-restricted-imports": [
                "error",
                { patterns: [{ group: PROVIDER_ROOTS.flatMap((p) => [p, `${p}/*`]), message: FACADE_RULE }] },
            ],
        },
    },
    {
        // Tests may name a service module the program does not use (pack fixtures), never a root.
        files: ["tests/**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                { paths: PROVIDER_ROOTS.map((name) => ({ name, message: FACADE_RULE })) },
            ],
        },
    },
    {
        // Plain CommonJS scripts that must run before anything is compiled (scripts/launch-plan.js).
        files: ["**/*.js"],
        languageOptions: {
            sourceType: "commonjs",
            globals: {
                require: "readonly",
                module: "writable",
                __dirname: "readonly",
                process: "readonly",
                console: "readonly",
            },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
