"""Runs a generated TMDB script against fake requests, boto3 and clock; writes what it did as JSON.

Usage: python3 run_with_fakes.py SCRIPT ROUTES OUT
ROUTES maps "GET /path" to a list of answers [{status, body, headers}], served in turn (the last one
repeats). OUT receives {requests, puts, sleeps, headers}.
"""
import json
import os
import sys
import time
import types

script_path, routes_path, out_path = sys.argv[1:4]
with open(routes_path, encoding="utf-8") as f:
    routes = json.load(f)
calls = {"requests": [], "puts": [], "sleeps": []}
served = {}


class HTTPError(Exception):
    def __init__(self, message, response):
        super().__init__(message)
        self.response = response


class Response:
    def __init__(self, answer):
        self.status_code = answer["status"]
        self.headers = answer.get("headers", {})
        self._body = answer.get("body")

    def json(self):
        return self._body

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPError(f"{self.status_code} Error", self)


class Session:
    def __init__(self):
        self.headers = {}

    def get(self, url, params=None, timeout=None):
        api = "https://api.themoviedb.org/3"
        assert url.startswith(api), url
        path = url[len(api):]
        calls["requests"].append({"path": path, "params": params})
        answers = routes.get(path, [{"status": 404, "body": {"status_message": "not found"}}])
        index = served.get(path, 0)
        served[path] = index + 1
        return Response(answers[min(index, len(answers) - 1)])


class S3:
    def put_object(self, **kwargs):
        calls["puts"].append({**kwargs, "Body": kwargs["Body"].decode("utf-8")})


requests = types.ModuleType("requests")
requests.Session = Session
requests.HTTPError = HTTPError
boto3 = types.ModuleType("boto3")
boto3.client = lambda name: S3()
sys.modules["requests"] = requests
sys.modules["boto3"] = boto3
time.sleep = lambda seconds: calls["sleeps"].append(seconds)
os.environ["TMDB_READ_ACCESS_TOKEN"] = "test-token"

scope = {"__name__": "__main__"}
with open(script_path, encoding="utf-8") as f:
    exec(compile(f.read(), script_path, "exec"), scope)
calls["headers"] = dict(scope["session"].headers)
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(calls, f, ensure_ascii=False)
