/**
 * The sample agent's two ship forms. The code bundle (agents/support-agent/dist/main.js, built by
 * `npm run agent:build`, which `npm ci` runs through `prepare`) is started as a child process with
 * no AWS settings and must answer /ping and stop on SIGTERM. The Dockerfile cannot be built here
 * (no Docker), so its key facts are read from the file.
 */
import { expect } from "chai";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers";

const ROOT = REPO_ROOT;
const AGENT_DIR = path.join(ROOT, "agents", "support-agent");
const BUNDLE = path.join(AGENT_DIR, "dist", "main.js");

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.on("error", reject);
        probe.listen(0, "127.0.0.1", () => {
            const port = (probe.address() as net.AddressInfo).port;
            probe.close(() => resolve(port));
        });
    });
}

function get(port: number, urlPath: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path: urlPath }, (res) => {
            let text = "";
            res.on("data", (part) => (text += part));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        }).on("error", reject);
    });
}

function post(port: number, urlPath: string, body: string): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
        const req = http.request(
            { host: "127.0.0.1", port, path: urlPath, method: "POST", headers: { "content-type": "application/json" } },
            (res) => {
                let text = "";
                res.on("data", (part) => (text += part));
                res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
            },
        );
        req.on("error", reject);
        req.end(body);
    });
}

/** The bundle as AgentCore starts it: `node main.js` in its directory, with only PATH and PORT. */
function startBundle(
    dir: string,
    env: Record<string, string>,
): { child: ChildProcess; stdout: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ["main.js"], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (part) => (out += part));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, stdout: () => out, exited };
}

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
        const check = () => (condition() ? resolve() : setTimeout(check, 20));
        check();
    });
}

describe("support agent: the code bundle dist/main.js", function () {
    this.timeout(60000);
    const started: ChildProcess[] = [];

    before(() => {
        if (!fs.existsSync(BUNDLE)) {
            execFileSync("npm", ["run", "agent:build"], { cwd: ROOT, stdio: "ignore", timeout: 60000 });
        }
    });
    after(() => {
        for (const child of started) {
            if (child.exitCode === null && child.signalCode === null) {
                child.kill("SIGKILL");
            }
        }
    });

    it("runs alone in an empty directory: the model call reaches the SDK's credential chain, not a missing module", async () => {
        // The zip holds main.js only; outside the repository no node_modules can fill a gap.
        const alone = fs.mkdtempSync(path.join(os.tmpdir(), "support-agent-"));
        fs.copyFileSync(BUNDLE, path.join(alone, "main.js"));
        const port = await freePort();
        const agent = startBundle(alone, {
            PORT: String(port),
            MODEL_ID: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            AWS_REGION: "us-east-1",
            AWS_EC2_METADATA_DISABLED: "true",
            HOME: alone,
        });
        started.push(agent.child);
        try {
            await within(
                15000,
                "agent listening",
                until(() => agent.stdout().includes('"message":"agent listening"')),
            );
            const reply = await post(port, "/invocations", '{"prompt":"Where is my order?"}');
            expect(reply.status, reply.text).to.equal(502);
            expect(JSON.parse(reply.text).error.code).to.equal("CredentialsProviderError");
        } finally {
            agent.child.kill("SIGTERM");
            await within(10000, "exit after SIGTERM", agent.exited);
            fs.rmSync(alone, { recursive: true, force: true });
        }
    });

    it("starts without AWS credentials, answers /ping, and exits 0 on SIGTERM", async () => {
        const port = await freePort();
        const agent = startBundle(path.dirname(BUNDLE), { PORT: String(port) });
        started.push(agent.child);
        await within(
            15000,
            "agent listening",
            until(() => agent.stdout().includes('"message":"agent listening"')),
        );

        const ping = await get(port, "/ping");
        expect(ping.status).to.equal(200);
        const body = JSON.parse(ping.text);
        expect(body.status).to.equal("Healthy");
        expect(Number.isInteger(body.time_of_last_update)).to.equal(true);
        expect(Math.abs(body.time_of_last_update - Date.now() / 1000)).to.be.below(60);

        agent.child.kill("SIGTERM");
        expect(await within(10000, "exit after SIGTERM", agent.exited)).to.equal(0);
        expect(agent.stdout()).to.contain('"message":"shutting down","signal":"SIGTERM"');
    });

    it("refuses to start on a bad PORT, exiting 1 with the problem on stdout", async () => {
        const agent = startBundle(path.dirname(BUNDLE), { PORT: "http" });
        started.push(agent.child);
        expect(await within(15000, "exit on bad PORT", agent.exited)).to.equal(1);
        const line = JSON.parse(agent.stdout().trim().split("\n").pop() as string);
        expect(line).to.include({ level: "error", message: "invalid settings, not starting" });
        expect(line.problems).to.deep.equal([
            'PORT "http" is invalid: use an integer from 0 to 65535 (e.g. PORT=8080)',
        ]);
    });
});

describe("support agent: build scripts and the Dockerfile", () => {
    const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const agentPackage = JSON.parse(fs.readFileSync(path.join(AGENT_DIR, "package.json"), "utf8"));
    const dockerfile = fs.readFileSync(path.join(AGENT_DIR, "Dockerfile"), "utf8");
    const instructions = dockerfile
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"));
    const runStage = instructions.slice(instructions.map((line) => line.startsWith("FROM ")).lastIndexOf(true));

    it("npm ci builds the bundle (prepare), and agent:build / agent are root scripts", () => {
        expect(rootPackage.scripts.prepare).to.equal("npm run agent:build");
        expect(rootPackage.scripts["agent:build"]).to.equal("npm --prefix agents/support-agent run build");
        expect(rootPackage.scripts.agent).to.equal(
            "npm run agent:build && exec node agents/support-agent/dist/main.js",
        );
        expect(rootPackage.scripts.plan).to.equal("node scripts/launch-plan.js");
    });

    it("the agent's build bundles src/main.ts for Node 20+ into dist/main.js", () => {
        const build: string = agentPackage.scripts.build;
        expect(build.split(" ")).to.include.members([
            "esbuild",
            "src/main.ts",
            "--bundle",
            "--platform=node",
            "--target=node20",
            "--outfile=dist/main.js",
        ]);
    });

    it("the root installs what the tests and the build need; the agent's lockfile matches its package.json", () => {
        const rootDeps = { ...rootPackage.dependencies, ...rootPackage.devDependencies };
        expect(rootDeps).to.include.keys(
            "@aws-sdk/client-bedrock-runtime",
            "@aws-sdk/client-secrets-manager",
            "esbuild",
        );
        expect(Object.keys(agentPackage.dependencies)).to.deep.equal([
            "@aws-sdk/client-bedrock-runtime",
            "@aws-sdk/client-secrets-manager",
            "@aws/aws-distro-opentelemetry-node-autoinstrumentation",
        ]);
        // ADOT is for the image only: the root (tests, `npm run agent`) never installs it.
        expect(rootDeps).to.not.have.any.keys("@aws/aws-distro-opentelemetry-node-autoinstrumentation");
        const lock = JSON.parse(fs.readFileSync(path.join(AGENT_DIR, "package-lock.json"), "utf8"));
        expect(lock.packages[""].dependencies).to.deep.equal(agentPackage.dependencies);
        expect(lock.packages[""].devDependencies).to.deep.equal(agentPackage.devDependencies);
    });

    it("the image AgentCore runs is linux/arm64 Node 22, listens on 8080, runs as a non-root user", () => {
        expect(runStage[0]).to.equal("FROM --platform=linux/arm64 node:22-slim");
        expect(runStage).to.include("EXPOSE 8080");
        expect(runStage).to.include("ENV PORT=8080");
        const users = runStage.filter((line) => line.startsWith("USER "));
        expect(users).to.deep.equal(["USER node"]);
    });

    it("the image build leaves npm packages external, so ADOT's require hooks can instrument the AWS SDK", () => {
        const build: string = agentPackage.scripts["build:image"];
        expect(build.split(" ")).to.include.members([
            "esbuild",
            "src/main.ts",
            "--bundle",
            "--platform=node",
            "--target=node22",
            "--packages=external",
            "--outfile=dist-image/main.js",
        ]);
        // The code bundle stays self-contained: no --packages=external there.
        expect((agentPackage.scripts.build as string).split(" ")).to.not.include("--packages=external");
    });

    it("the image installs production dependencies in the run stage and starts under ADOT", () => {
        expect(instructions).to.include("RUN npm ci --no-audit --no-fund");
        expect(instructions).to.include("RUN npm run build:image");
        expect(runStage).to.include("WORKDIR /app");
        expect(runStage).to.include("COPY package.json package-lock.json ./");
        expect(runStage).to.include("RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force");
        expect(runStage).to.include("COPY --from=build /build/dist-image/main.js ./main.js");
        // Dependencies are installed before USER node: root owns them, the agent only reads them.
        expect(runStage.indexOf("RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force")).to.be.below(
            runStage.indexOf("USER node"),
        );
        expect(runStage[runStage.length - 1]).to.equal(
            'CMD ["node", "--require", "@aws/aws-distro-opentelemetry-node-autoinstrumentation/register", "main.js"]',
        );
    });

    it(".dockerignore keeps local installs and builds out of the build context", () => {
        const ignored = fs.readFileSync(path.join(AGENT_DIR, ".dockerignore"), "utf8").split("\n");
        expect(ignored).to.include.members(["node_modules", "dist", "dist-image"]);
    });
});
