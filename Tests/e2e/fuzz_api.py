"""Fuzzes every documented operation of a running server with schemathesis on an instance run
with accounts: with a personal access token (every operation exercised as a signed-in user; the
two that end access — revoking a token, signing a device out — last, with a token of their own,
and the first token checked to still work after the rest), and without one (every operation but
/healthz must answer 401, which is also checked directly, operation by operation). No 5xx, documented status codes only, responses that
match their schemas. Prints a closing summary line."""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from conftest import Account, Server  # noqa: E402

EXAMPLES = os.environ.get("MOCKLOOP_FUZZ_EXAMPLES", "40")
CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance"


# Revoking a token or signing a device out ends access; schemathesis learns ids from the answers
# it gets (the token list holds the fuzzer's own), so these run last, with a token of their own.
ENDS_ACCESS = ["revokeToken", "signOutDevice"]


def schemathesis(server, examples, headers=(), only=None, skip=()):
    venv_bin = os.path.dirname(sys.executable)
    cmd = [os.path.join(venv_bin, "schemathesis"), "run", server.url + "/openapi.json",
           "--url", server.url, "--checks", CHECKS,
           "--max-examples", examples, "--seed", "1", "--no-color",
           # The server is a debug build on two shared cores: the whole bank as YAML takes ~2 s
           # alone and has taken over 10 s under load. Slowness is measured by the benchmarks.
           "--request-timeout", "60"]
    for op in only or ():
        cmd += ["--include-operation-id", op]
    if only:  # no stateful phase: the links into these operations start from operations left out
        cmd += ["--phases", "examples,coverage,fuzzing"]
    for op in skip:
        cmd += ["--exclude-operation-id", op]
    shown = list(cmd)
    for h in headers:
        cmd += ["--header", h]
        shown += ["--header", h.split(":", 1)[0] + ": ***"]
    print("fuzz:", " ".join(shown), flush=True)
    return subprocess.run(cmd).returncode


def still_signed_in(server, token):
    """The token the operations were fuzzed with still works: none of them was answered 401 for
    having lost it."""
    req = urllib.request.Request(server.url + "/api/v1/account", headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            ok = r.status == 200
    except urllib.error.HTTPError:
        ok = False
    print(f"fuzzer's token after the run: {'still works' if ok else 'LOST: the run above tested 401s only'}", flush=True)
    return 0 if ok else 1


def anonymous_calls_are_401(server):
    """Every documented operation but /healthz, called without credentials, answers 401."""
    doc = json.loads(server.get("/openapi.json"))
    wrong = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "delete") or path == "/healthz":
                continue
            concrete = path.replace("{id}", "00000000-0000-0000-0000-000000000000").replace("{action}", "hint")
            body = op.get("requestBody", {}).get("content", {})
            media = next(iter(body), None)
            req = urllib.request.Request(server.url + concrete, method=method.upper(),
                                         data=b"{}" if media else None,
                                         headers={"Content-Type": media} if media else {})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    status = r.status
            except urllib.error.HTTPError as e:
                status = e.code
            if status != 401:
                wrong.append(f"{method.upper()} {path}: {status}")
    print(f"anonymous: {len(wrong)} operations did not answer 401" + (": " + "; ".join(wrong) if wrong else ""), flush=True)
    return 1 if wrong else 0


def main():
    server = Server(accounts=True)
    try:
        fuzzer = Account(server, "fuzzer@example.org", "Fuzzer")
        token = fuzzer.token()
        failures = schemathesis(server, EXAMPLES, [f"Authorization: Bearer {token}"], skip=ENDS_ACCESS)
        failures += still_signed_in(server, token)
        failures += schemathesis(server, EXAMPLES, [f"Authorization: Bearer {fuzzer.token()}"], only=ENDS_ACCESS)
        failures += anonymous_calls_are_401(server)
        failures += schemathesis(server, "5")
        print(f"fuzz_api: {'1 passed, 0 failed' if failures == 0 else '0 passed, 1 failed'}")
        return 1 if failures else 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
