// Drives `istinad serve`'s page in headless Chromium over the DevTools
// protocol, as a person would: pastes a manuscript, presses Check, waits
// for the answer, and reports what the page shows as JSON on stdout.
// Node's own WebSocket (node 20: --experimental-websocket), no packages.
//
//   node --experimental-websocket drive-page.mjs CHROMIUM URL MANUSCRIPT SCREENSHOT.png [UPLOAD]
//
// Then, with UPLOAD (a .docx or .odt), chooses that file in the file
// picker and checks it; last, pastes 2 MB of text, past a server started
// with `--max-upload 1`, and reports what the page says.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [chromium, url, manuscript, screenshot, upload] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "istinad-chromium-"));
const browser = spawn(chromium, [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-extensions", "--disable-crash-reporter", "--disable-breakpad", "--disable-background-networking", "--disable-sync",
  "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank",
], { stdio: ["ignore", "ignore", "pipe"], detached: true });

function finish(code, message) {
  if (message) console.error(message);
  // The browser and every process it started: it leads its own group.
  try { process.kill(-browser.pid, "SIGKILL"); } catch (_) { browser.kill("SIGKILL"); }
  try { rmSync(profile, { recursive: true, force: true }); } catch (_) { /* best effort */ }
  process.exit(code);
}
// Bounded: the whole drive gives up after 90 s.
setTimeout(() => finish(1, "drive-page: timed out"), 90_000).unref();

const wsUrl = await new Promise((resolve, reject) => {
  let seen = "";
  browser.stderr.on("data", (chunk) => {
    seen += chunk;
    const m = seen.match(/DevTools listening on (ws:\/\/\S+)/);
    if (m) resolve(m[1]);
  });
  browser.on("exit", (code) => reject(new Error(`chromium exited (${code}): ${seen}`)));
}).catch((e) => finish(1, e.message));

process.on("unhandledRejection", (e) => finish(1, `drive-page: ${e && e.stack || e}`));
process.on("uncaughtException", (e) => finish(1, `drive-page: ${e && e.stack || e}`));
const ws = new WebSocket(wsUrl);
await new Promise((resolve) => ws.addEventListener("open", resolve));
let nextId = 0;
const pending = new Map();
const waiters = [];
ws.addEventListener("message", (event) => {
  const msg = JSON.parse(event.data);
  if (msg.id !== undefined && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    msg.error ? reject(new Error(JSON.stringify(msg.error))) : resolve(msg.result);
  } else if (msg.method) {
    for (const w of waiters.filter((w) => w.method === msg.method)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(msg.params);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = ++nextId;
  ws.send(JSON.stringify({ id, method, params, sessionId }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
const event = (method) => new Promise((resolve) => waiters.push({ method, resolve }));

const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
const page = (method, params) => send(method, params, sessionId);
async function evaluate(expression) {
  const r = await page("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
  return r.result.value;
}

await page("Page.enable");
await page("Emulation.setDeviceMetricsOverride", { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false });
const loaded = event("Page.loadEventFired");
await page("Page.navigate", { url });
await loaded;

// Paste and press Check, as a person does.
const text = readFileSync(manuscript, "utf8");
await evaluate(`(() => {
  const area = document.getElementById("text");
  area.focus();
  area.value = ${JSON.stringify(text)};
  area.dispatchEvent(new InputEvent("input", { bubbles: true }));
  document.getElementById("name").value = "article.md";
  document.getElementById("check").click();
})()`);
// Waits (30 s at most) until the page has answered the last Check.
async function answered() {
  let state = "";
  for (let i = 0; i < 300 && state !== "done" && state !== "failed"; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = await evaluate(`document.body.dataset.state || ""`);
  }
  return state;
}
await answered();

const seen = await evaluate(`(async () => {
  const all = (s) => [...document.querySelectorAll(s)];
  const links = all("#downloads a[download]");
  const contents = {};
  for (const a of links) contents[a.textContent] = (await (await fetch(a.href)).text()).slice(0, 200);
  const lines = all("#manuscript .line");
  return {
    state: document.body.dataset.state || "",
    status: document.getElementById("status").textContent,
    summary: document.getElementById("summary").textContent,
    findings: all("#findings li[data-f]").map((li) => li.querySelector(".rule").textContent),
    safe_fixes: all("#findings .fix.safe").length,
    highlighted_findings: all("#manuscript .finding").length,
    citations: new Set(all("#manuscript .cite").map((e) => e.dataset.cite)).size,
    entries: all("#manuscript a[id^=entry-]").length,
    rtl_lines: lines.filter((l) => l.matches(":dir(rtl)")).length,
    records: all("#records tbody tr").length,
    records_with_findings: all("#records td.bad").length,
    pictures: all("#pictures svg").length,
    never_cited: all("#pic-cited .never").length,
    downloads: links.map((a) => ({ label: a.textContent, file: a.getAttribute("download"), href: a.href.slice(0, 5) })),
    contents,
    scripts: all("script").map((s) => s.src),
  };
})()`);

if (screenshot) {
  // The whole page, up to 3 000 pixels down.
  const height = Math.min(3000, await evaluate(`document.documentElement.scrollHeight`));
  const shot = await page("Page.captureScreenshot", { format: "png", captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: 1400, height, scale: 1 } });
  writeFileSync(screenshot, Buffer.from(shot.data, "base64"));
}
if (upload) {
  // A file chosen in the picker, as a person does, then Check.
  await evaluate(`document.getElementById("clear").click()`);
  const { root } = await page("DOM.getDocument", {});
  const { nodeId } = await page("DOM.querySelector", { nodeId: root.nodeId, selector: "#file" });
  await page("DOM.setFileInputFiles", { nodeId, files: [upload] });
  await evaluate(`document.getElementById("file").dispatchEvent(new Event("change"))`);
  await evaluate(`document.getElementById("check").click()`);
  const state = await answered();
  seen.upload = await evaluate(`({
    state: ${JSON.stringify(state)},
    name: document.getElementById("name").value,
    summary: document.getElementById("summary").textContent,
    findings: document.querySelectorAll("#findings li[data-f]").length,
    records: document.querySelectorAll("#records tbody tr").length,
  })`);
  // Past the size limit: the page says so.
  await evaluate(`(() => {
    document.getElementById("clear").click();
    document.getElementById("text").value = "x".repeat(2 * 1024 * 1024);
    document.getElementById("name").value = "big.md";
    document.getElementById("check").click();
  })()`);
  const big = await answered();
  seen.oversized = await evaluate(`({
    state: ${JSON.stringify(big)},
    status: document.getElementById("status").textContent,
    error_shown: document.getElementById("status").classList.contains("error"),
  })`);
}
console.log(JSON.stringify(seen));
finish(0);
