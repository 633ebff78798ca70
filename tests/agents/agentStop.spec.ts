/**
 * `npm run agent` stops with its server: SIGTERM to npm's own PID (what a user's `kill <pid>`
 * or a process manager sends) must stop the node server too, and free its port. The script
 * `exec`s node, so node is npm's direct child and gets the signal npm forwards.
 */
import { expect } from "chai";
import { spawn } from "child_process";
import * as net from "net";
import { REPO_ROOT } from "../helpers";

function connects(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect({ host: "127.0.0.1", port });
        socket.once("connect", () => {
            socket.destroy();
            resolve(true);
        });
        socket.once("error", () => resolve(false));
    });
}

describe("npm run agent: stopping it by its PID stops the server", function () {
    this.timeout(90_000);
    it("frees the port after SIGTERM to npm", async () => {
        const port = 18000 + Math.floor(Math.random() * 2000);
        const child = spawn("npm", ["run", "agent"], {
            cwd: REPO_ROOT,
            env: { ...process.env, PORT: String(port), MODEL_ID: "" },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        const listening = new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`agent did not start: ${output}`)), 80_000);
            child.stdout.on("data", (d: Buffer) => {
                output += d.toString();
                if (output.includes("agent listening")) {
                    clearTimeout(timer);
                    resolve();
                }
            });
            child.stderr.on("data", (d: Buffer) => (output += d.toString()));
        });
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        try {
            await listening;
            expect(await connects(port)).to.equal(true);
            child.kill("SIGTERM");
            await exited;
            // Give the server's own shutdown a moment, bounded.
            let open = true;
            for (let i = 0; i < 20 && open; i++) {
                await new Promise((r) => setTimeout(r, 100));
                open = await connects(port);
            }
            expect(open, "the node server still listens after npm was stopped").to.equal(false);
        } finally {
            child.kill("SIGKILL");
        }
    });
});
