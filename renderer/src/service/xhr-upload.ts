import { type DataFileUploadRequest, ServiceCallError } from "./transport";

type Answer =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string; hint?: string; retryable: boolean } };

/**
 * `PUT` of a Blob with upload progress. The browser reads the file from disk as it sends it, so a
 * 172 MB CSV is never copied into the page's memory. Failures become ServiceCallError like `call`.
 */
export function xhrUpload(url: string, token: string, upload: DataFileUploadRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) =>
      upload.onProgress?.(event.loaded, event.lengthComputable ? event.total : upload.file.size);
    const onAbort = () => xhr.abort();
    upload.signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => upload.signal?.removeEventListener("abort", onAbort);
    xhr.onload = () => {
      settle();
      let answer: Answer;
      try {
        answer = JSON.parse(xhr.responseText) as Answer;
      } catch {
        answer = {
          ok: false,
          error: { code: `HTTP_${xhr.status}`, message: xhr.statusText || "No answer", retryable: true },
        };
      }
      if (answer.ok) resolve(answer.result);
      else {
        const { code, message, hint, retryable } = answer.error;
        reject(new ServiceCallError(code, message, hint, retryable));
      }
    };
    xhr.onerror = () => {
      settle();
      reject(
        new ServiceCallError("UPLOAD_FAILED", "The connection to the service broke off.", undefined, true),
      );
    };
    xhr.onabort = () => {
      settle();
      reject(new ServiceCallError("CANCELLED", "The upload was cancelled.", undefined, true));
    };
    if (upload.signal?.aborted) {
      settle();
      reject(new ServiceCallError("CANCELLED", "The upload was cancelled.", undefined, true));
      return;
    }
    xhr.send(upload.file);
  });
}
