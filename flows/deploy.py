"""Register the deployments of ``prefect.yaml`` with the server in ``PREFECT_API_URL``.

    python -m flows.deploy            # every deployment in prefect.yaml
    python -m flows.deploy NAME ...   # only these

The same as ``prefect deploy --all`` for this project (each deployment runs the flow from this
checkout on its work pool, with its parameters, description and schedules), but registered
with ``RunnerDeployment.apply``: ``prefect deploy`` of Prefect 3.8 first lists the pool's online
workers with null paging, which the API server of the pinned FastAPI rejects (HTTP 422).
A process worker started in the checkout then runs them:
``THERAPY_THREADS_HOME=$PWD prefect worker start --pool default``.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path = ROOT / "prefect.yaml") -> list[dict[str, Any]]:
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("deployments") or [])


def register(spec: dict[str, Any]) -> Any:
    from prefect import flow

    f = flow.from_source(source=str(ROOT), entrypoint=spec["entrypoint"])
    from prefect.schedules import Schedule

    schedules = []
    for s in spec.get("schedules") or []:
        schedules.append(Schedule(cron=s["cron"], timezone=s.get("timezone"), active=s.get("active", True)))
    dep = f.to_deployment(name=spec["name"], work_pool_name=(spec.get("work_pool") or {}).get("name", "default"),
                          parameters=spec.get("parameters") or {}, description=spec.get("description"),
                          schedules=schedules or None)
    return dep.apply()


def main(argv: list[str] | None = None) -> int:
    wanted = set(argv if argv is not None else sys.argv[1:])
    for spec in load():
        if wanted and spec["name"] not in wanted:
            continue
        dep_id = register(spec)
        print(f"registered {spec['name']} ({dep_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
