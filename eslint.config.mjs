// Lint: the recommended JavaScript and TypeScript rules, plus a few that catch real bugs in
// Pulumi programs (floating promises are left to the type checker's strict mode).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    // .stryker-tmp holds the mutation run's sandbox copies of the project (npm run mutate).
    { ignores: ["node_modules/**", "bin/**", ".stryker-tmp/**", "reports/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            "no-console": "off",
            eqeqeq: ["error", "always"],
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
        },
    },
);
