import { CreateTableCommand } from "@aws-sdk/client-glue";
import { CreateFunctionCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { checkRequest } from "../../../helpers/aws-models/requests";
import { constraintsInstalled } from "../../../helpers/aws-models/sources";

const column = (name: string) => ({ Name: name, Type: "string" });
const createTable = (tableInput: Record<string, unknown>) =>
  new CreateTableCommand({ DatabaseName: "raw", TableInput: tableInput as never });

function rules(clientName: string, command: ReturnType<typeof createTable>) {
  return checkRequest(clientName, command).map(({ request, path, rule }) => `${request} ${path} ${rule}`);
}

describe("checkRequest against the published models", () => {
  it("passes a CreateTable request Glue accepts", () => {
    const table = { Name: "movies", StorageDescriptor: { Columns: [column("id"), column("title")] } };
    expect(rules("GlueClient", createTable(table))).toEqual([]);
  });

  it("finds structure violations in the current model: required and unknown members, types", () => {
    const table = { StorageDescriptor: { Columns: [column("id"), { Type: 1 }], Colums: [] } };
    expect(rules("GlueClient", createTable(table))).toEqual([
      "GlueClient.CreateTable TableInput.Name required",
      "GlueClient.CreateTable TableInput.StorageDescriptor.Columns[1].Name required",
      "GlueClient.CreateTable TableInput.StorageDescriptor.Columns[1].Type type",
      "GlueClient.CreateTable TableInput.StorageDescriptor.Colums unknown member",
    ]);
  });

  it.runIf(constraintsInstalled() || Boolean(process.env.CI))(
    "finds constraint violations: length, pattern, enum",
    () => {
      const table = {
        Name: "x".repeat(256),
        TableType: "EXTERNAL_TABLE",
        StorageDescriptor: { Columns: [column("id"), { Name: "title", Comment: "two\nlines" }] },
      };
      expect(rules("GlueClient", createTable(table))).toEqual([
        "GlueClient.CreateTable TableInput.Name length",
        "GlueClient.CreateTable TableInput.StorageDescriptor.Columns[1].Comment pattern",
      ]);
      const create = new CreateFunctionCommand({
        FunctionName: "lakebook-tmdb",
        Role: "arn:aws:iam::123456789012:role/lakebook",
        Runtime: "nodejs99.x" as never,
        Code: { ZipFile: new Uint8Array(1) },
      });
      expect(checkRequest(LambdaClient.name, create).map((v) => `${v.path} ${v.rule}`)).toEqual([
        "Runtime enum",
      ]);
    },
  );

  it("refuses a command the service does not have", () => {
    class CreateTablesCommand {
      input = {};
    }
    expect(checkRequest("GlueClient", new CreateTablesCommand()).map((v) => v.rule)).toEqual(["operation"]);
  });

  it("knows the nine services Lakebook talks to", () => {
    const clients = [
      "S3Client",
      "GlueClient",
      "AthenaClient",
      "LambdaClient",
      "QuickSightClient",
      "SecretsManagerClient",
      "STSClient",
      "CloudWatchLogsClient",
      "IAMClient",
    ];
    class GetCallerIdentityCommand {
      input = {};
    }
    for (const client of clients) {
      const found = checkRequest(client, new GetCallerIdentityCommand());
      const expected = client === "STSClient" ? [] : ["operation"];
      expect(
        found.map((v) => v.rule),
        client,
      ).toEqual(expected);
    }
  });
});
