/**
 * Entry point (`node main.js`): reads the settings, listens on 0.0.0.0:PORT as AgentCore's
 * HTTP contract asks, and shuts down gracefully on SIGTERM (the signal AgentCore and Docker
 * send before they stop the process).
 */
import { bedrockConverseApi } from "./bedrock";
import { ConfigError, readConfig } from "./config";
import { createLogger } from "./log";
import { secretArnVariables, secretReader } from "./secrets";
import { createAgentServer } from "./server";

/** How long in-flight requests may run after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

function start(): void {
    let config;
    try {
        config = readConfig(process.env);
    } catch (error) {
        if (error instanceof ConfigError) {
            createLogger().error("invalid settings, not starting", { problems: error.problems });
            process.exit(1);
        }
        throw error;
    }
    const logger = createLogger({ level: config.logLevel });
    const server = createAgentServer({ api: bedrockConverseApi(), modelId: config.modelId, logger });

    server.listen(config.port, "0.0.0.0", () => {
        const address = server.address();
        logger.info("agent listening", {
            port: typeof address === "object" && address ? address.port : config.port,
            modelId: config.modelId,
            region: process.env.AWS_REGION,
        });
        if (!config.modelId) {
            logger.warn("MODEL_ID is not set: /ping answers, /invocations answers 500 until it is");
        }
        // Each secret the stack passes (by ARN) is read once at start, so a missing grant or
        // endpoint shows in the logs at once; the sample logs only that it was read.
        const readSecret = secretReader(process.env);
        for (const variable of secretArnVariables(process.env)) {
            readSecret(variable).then(
                (value) => logger.info("secret readable", { variable, length: value.length }),
                (error) => logger.error("secret not readable", { variable, error }),
            );
        }
    });
    server.on("error", (error) => {
        logger.error("server failed", { error });
        process.exit(1);
    });

    let stopping = false;
    const shutdown = (signal: string) => {
        if (stopping) {
            return;
        }
        stopping = true;
        logger.info("shutting down", { signal });
        server.close(() => {
            logger.info("stopped");
            process.exit(0);
        });
        server.closeIdleConnections();
        setTimeout(() => {
            logger.warn("grace period over, closing open connections");
            server.closeAllConnections();
        }, SHUTDOWN_GRACE_MS).unref();
    };
    process.on("SIGTERM", () => shutdown("SIGTERM"));
    process.on("SIGINT", () => shutdown("SIGINT"));

    // A bug must not pass silently; a rejected promise nobody awaited is logged, not fatal.
    process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: reason }));
    process.on("uncaughtException", (error) => {
        logger.error("uncaught exception, exiting", { error });
        process.exit(1);
    });
}

start();
