"""`errdex mcp` driven by the official Python MCP SDK.

Usage: python tests/mcp_python.py [PATH_TO_ERRDEX]   (or ERRDEX_BIN=...)
Exits 0 when every check passes, 1 otherwise. Run by scripts/mcp-python-test.sh.
"""

import asyncio
import os
import sys

from mcp import ClientSession, StdioServerParameters, stdio_client

MESSAGE = "ModuleNotFoundError: No module named 'requests'"
EXPECTED_ID = "python/modulenotfounderror-no-module-named"
TOOLS = {
    "lookup_error",
    "batch_lookup",
    "get_error_detail",
    "search_errors",
    "get_error_chain",
    "list_error_domains",
    "list_errors_by_domain",
    "get_domain_stats",
}


def check(condition, what):
    if not condition:
        raise AssertionError(what)


async def run(binary):
    params = StdioServerParameters(command=binary, args=["mcp"])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            check(init.server_info.name == "errdex", f"server name: {init.server_info}")

            listed = await session.list_tools()
            names = {t.name for t in listed.tools}
            check(TOOLS <= names, f"tools missing: {TOOLS - names}")
            for tool in listed.tools:
                check(tool.input_schema.get("type") == "object", f"{tool.name}: no input schema")

            result = await session.call_tool("lookup_error", {"message": MESSAGE})
            check(not result.is_error, f"lookup_error failed: {result}")
            matches = result.structured_content["matches"]
            check(matches and matches[0]["id"] == EXPECTED_ID,
                  f"first match {matches[0]['id'] if matches else None}, expected {EXPECTED_ID}")
            check(EXPECTED_ID in result.content[0].text, "the Markdown names the record")

            bad = await session.call_tool("get_error_detail", {"id": "no/such-record"})
            check(bad.is_error, "an unknown id is a tool error")

            again = await session.call_tool("lookup_error", {"message": MESSAGE, "limit": 1})
            check(again.structured_content["matches"][0]["id"] == EXPECTED_ID, "second lookup")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ERRDEX_BIN")
    if not binary:
        print("usage: mcp_python.py PATH_TO_ERRDEX (or set ERRDEX_BIN)", file=sys.stderr)
        return 2
    try:
        asyncio.run(asyncio.wait_for(run(binary), timeout=60))
    except BaseException as e:  # noqa: BLE001 - any failure fails the test
        print(f"FAIL: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"ok: the Python MCP SDK got {EXPECTED_ID} first from lookup_error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
