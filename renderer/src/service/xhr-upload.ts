import { cancelled, resultOf, ServiceCallError, type UploadOptions } from "./transport";

/**
 * `PUT` of a Blob with upload progress. The browser reads the file from disk as it sends it, so a
 * 172 MB CSV is never copied into the page's memory. Failures become ServiceCallError like `call`.
 */
export function xhrUpload(url: string, token: string, file: Blob, options: UploadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (event) =>
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => options.signal?.removeEventListener("abort", onAbort);
    xhr.onload = () => {
      settle();
      let answer: unknown;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = undefined;
      }
      try {
        resolve(
          resultOf(answer, {
            code: `HTTP_${xhr.status}`,
            message: xhr.statusText || "No answer",
            retryable: true,
          }),
        );
      } catch (error) {
        reject(error);
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
      reject(cancelled("upload"));
    };
    if (options.signal?.aborted) {
      settle();
      reject(cancelled("upload"));
      return;
    }
    xhr.send(file);
  });
}
