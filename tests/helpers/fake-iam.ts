import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * STS and IAM over HTTP for the CLI's end-to-end tests, speaking their query protocol (form-encoded
 * `Action=…` in, XML out): GetCallerIdentity, GetRole and SimulatePrincipalPolicy, deciding each
 * action with `decide`. The CLI reaches it through AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_IAM.
 */
export interface FakeIam {
  endpoint: string;
  /** Every request's form fields, in order. */
  requests: URLSearchParams[];
  stop(): Promise<void>;
}

export interface FakeIamOptions {
  callerArn: string;
  /** allowed / implicitDeny / explicitDeny per action, or "refuse" to answer AccessDenied to the simulator. */
  decide: ((action: string, resource: string) => string) | "refuse";
}

export async function startFakeIam(options: FakeIamOptions): Promise<FakeIam> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      const { status, xml } = answer(form, options);
      response.writeHead(status, { "content-type": "text/xml" });
      response.end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function members(form: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (let index = 1; form.has(`${name}.member.${index}`); index++)
    values.push(form.get(`${name}.member.${index}`) ?? "");
  return values;
}

function answer(form: URLSearchParams, options: FakeIamOptions): { status: number; xml: string } {
  const action = form.get("Action");
  const account = options.callerArn.split(":")[4] ?? "123456789012";
  if (action === "GetCallerIdentity") {
    return {
      status: 200,
      xml: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${escapeHtml(options.callerArn)}</Arn><UserId>AIDAEXAMPLE</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    };
  }
  if (action === "SimulatePrincipalPolicy" && options.decide !== "refuse") {
    const decide = options.decide;
    const resource = members(form, "ResourceArns")[0] ?? "*";
    const results = members(form, "ActionNames")
      .map(
        (name) =>
          `<member><EvalActionName>${escapeHtml(name)}</EvalActionName><EvalResourceName>${escapeHtml(resource)}</EvalResourceName><EvalDecision>${decide(name, resource)}</EvalDecision><MatchedStatements/><MissingContextValues/></member>`,
      )
      .join("");
    return {
      status: 200,
      xml: `<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>${results}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>`,
    };
  }
  return {
    status: 403,
    xml: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: ${escapeHtml(options.callerArn)} is not authorized to perform: iam:${escapeHtml(action ?? "")}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
  };
}
