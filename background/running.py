"""Which task is running in this thread, heard from django-tasks' signals, so
mail sent by a task gets a key that is the same when the task runs again."""

from contextvars import ContextVar

from django_tasks.signals import task_finished, task_started

# A stack: the immediate backend runs a task enqueued by another task inside it.
_running = ContextVar("delaktig_running_tasks", default=())


def _started(sender, task_result, **kwargs):
    _running.set((*_running.get(), [str(task_result.id), 0]))


def _finished(sender, task_result, **kwargs):
    stack = _running.get()
    if stack and stack[-1][0] == str(task_result.id):
        _running.set(stack[:-1])


def connect():
    task_started.connect(_started, dispatch_uid="background-task-started")
    task_finished.connect(_finished, dispatch_uid="background-task-finished")


def next_message_key():
    """'<task id>:<n>' for the n-th message the running task sends; None outside
    a task. A task that sends its messages in the same order gets the same keys
    each time it runs."""
    stack = _running.get()
    if not stack:
        return None
    entry = stack[-1]
    key = f"{entry[0]}:{entry[1]}"
    entry[1] += 1
    return key
