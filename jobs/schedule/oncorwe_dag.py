"""OncoRWE nightly for Apache Airflow (2.x; apache-airflow-providers-apache-spark).

Every night: `oncorwe schedule` decides (the newest yyyy-MM-dd extract folder under EXTRACT_ROOT,
or the `extract_date` param for a backfill; skip when the newest successful run of that date read the
same inputs), then SparkSubmitOperator runs `oncorwe run` on the cluster. A failed run fails the task
(retried twice, then the DAG alerts). Backfill an older extract date:

    airflow dags trigger oncorwe_nightly -c '{"extract_date": "2020-09-30"}'
    airflow dags trigger oncorwe_nightly -c '{"extract_date": "2020-09-30", "force": true}'   # rerun anyway

Without a Spark cluster, a single BashOperator running jobs/schedule/nightly.sh does the same
(see docs/operations.md, Scheduling). The pseudonym key reaches the driver as the environment
variable ONCORWE_PSEUDONYM_KEY from an Airflow secret / Kubernetes secret, never as a --conf.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models.param import Param
from airflow.operators.bash import BashOperator
from airflow.operators.python import ShortCircuitOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

ONCORWE_HOME = "/opt/oncorwe"
EXTRACT_ROOT = "/data/registry/extracts"
OUTPUT = "/data/oncorwe/out"
SITE_CONF = "/etc/oncorwe/site.conf"

DECIDE = (
    f"{ONCORWE_HOME}/jobs/oncorwe schedule --root {EXTRACT_ROOT} --output {OUTPUT} --config {SITE_CONF}"
    "{% if params.extract_date %} --extract-date {{ params.extract_date }}{% endif %}"
    "{% if params.force %} --force{% endif %}"
)


def _should_run(ti):
    """The decision line: 'run <dir> extract_date=<d> ...' or 'skip ...' (logged either way)."""
    decision = ti.xcom_pull(task_ids="decide")
    print(decision)
    return decision.startswith("run ")


def _extract_folder(decision):
    return decision.split(" ")[1]


with DAG(
    dag_id="oncorwe_nightly",
    description="OncoRWE: newest registry extract to published tables and report",
    start_date=datetime(2024, 1, 1),
    schedule="30 2 * * *",
    catchup=False,  # a backfill is a triggered run with params.extract_date, not a catch-up
    max_active_runs=1,  # one run at a time per output root
    default_args={
        "owner": "oncorwe",
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
        "email_on_failure": True,
        "email": ["oncorwe-alerts@example.org"],
    },
    params={
        "extract_date": Param("", type="string", description="yyyy-MM-dd to backfill; empty: the newest"),
        "force": Param(False, type="boolean", description="run even when already published"),
    },
    user_defined_macros={"extract_folder": _extract_folder},
    tags=["oncorwe"],
) as dag:
    decide = BashOperator(task_id="decide", bash_command=DECIDE, do_xcom_push=True, retries=0)

    should_run = ShortCircuitOperator(task_id="should_run", python_callable=_should_run)

    run = SparkSubmitOperator(
        task_id="run",
        conn_id="spark_default",  # e.g. spark://spark-master:7077, yarn, or k8s://...
        application=f"{ONCORWE_HOME}/target/oncorwe.jar",
        java_class="org.oncorwe.cli.Main",
        name="oncorwe-{{ ds }}",
        deploy_mode="client",  # the key stays in the driver's environment (docs/operations.md)
        archives=f"{ONCORWE_HOME}/target/oncorwe-conf.zip#conf",
        conf={
            "spark.redaction.regex": "(?i)secret|password|token|access[.]key|pseudonym",
            "spark.sql.session.timeZone": "UTC",
        },
        application_args=[
            "run",
            "--extract", "{{ extract_folder(ti.xcom_pull(task_ids='decide')) }}",
            "--output", OUTPUT,
            "--config", SITE_CONF,
            "--study", "all",
        ],
        verbose=False,
    )

    decide >> should_run >> run
