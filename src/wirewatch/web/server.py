"""``serve(config, host, port)``: run the web app with uvicorn (blocking) on the given address only."""

from __future__ import annotations

from ..config import Config


def serve(config: Config, host: str = "127.0.0.1", port: int = 8765) -> None:
    import uvicorn

    from .app import create_app

    app = create_app(config)
    print(f"wirewatch web app on http://{host}:{port}/  (database {config.db}; Ctrl-C stops it)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        limit_concurrency=64,
        timeout_keep_alive=5,
    )
