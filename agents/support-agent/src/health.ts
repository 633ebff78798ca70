/**
 * The /ping answer. AgentCore reads `status` ("Healthy": idle; "HealthyBusy": working, so the
 * idle-session timeout must not end the session) and the optional `time_of_last_update`, the
 * Unix time in seconds of the last status CHANGE. It must not advance on every ping: a clock
 * that always moves tells AgentCore the session is never idle, so it lives until maxLifetime.
 * Sources: AgentCore developer guide, "Handle asynchronous and long running agents"
 * (runtime-long-run.html); bedrock-agentcore-sdk-python runtime/app.py and models.py.
 */

export type PingStatus = "Healthy" | "HealthyBusy";

export interface PingBody {
    readonly status: PingStatus;
    readonly time_of_last_update: number;
}

export class HealthState {
    private active = 0;
    private status: PingStatus = "Healthy";
    private changedAt: number;

    constructor(private readonly nowMs: () => number = Date.now) {
        this.changedAt = this.seconds();
    }

    /** Marks work in progress (a model call); the returned function ends it, once. */
    begin(): () => void {
        this.active += 1;
        this.update();
        let ended = false;
        return () => {
            if (!ended) {
                ended = true;
                this.active -= 1;
                this.update();
            }
        };
    }

    ping(): PingBody {
        return { status: this.status, time_of_last_update: this.changedAt };
    }

    private update(): void {
        const next: PingStatus = this.active > 0 ? "HealthyBusy" : "Healthy";
        if (next !== this.status) {
            this.status = next;
            this.changedAt = this.seconds();
        }
    }

    private seconds(): number {
        return Math.floor(this.nowMs() / 1000);
    }
}
