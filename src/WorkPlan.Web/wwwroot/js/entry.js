// The monthly entry grid works like a spreadsheet: typing into a cell replaces its value, Enter and
// the up/down arrows move along the column, left/right move between a row's value, note and history,
// Tab stops once per row (its value), a column pasted from Excel fills the cells downwards, numbers
// show thousands spaces once entered, changed values and notes are marked, and leaving the page with
// unsaved changes asks first. A cell someone else changed meanwhile offers two choices (keep mine,
// take the saved one); choosing puts that value in the cell. The form posts every row with what the
// page showed, and the server saves only what the user changed, so it works without this script too.
// Typing is never lost: every changed value and note is kept in the browser's storage (per user, plan and
// month) with the version the edit started from, so a value someone saved meanwhile is still a conflict when
// it comes back. The form is sent in the background: when the line drops, the server restarts or the session
// has ended, the page stays as it is, says so and offers to retry; the next visit puts kept values back in
// their cells (or lists them, not posted, when the month has closed) until they are saved or discarded.
(function () {
    var form = document.querySelector("[data-entry-grid]");
    if (!form) {
        return;
    }

    var cells = Array.prototype.slice.call(form.querySelectorAll(".cell-input"));
    var notes = Array.prototype.slice.call(form.querySelectorAll(".note-input"));
    // Left/right walk the row: value, note, history link, then the next row's value.
    var stops = Array.prototype.slice.call(form.querySelectorAll(".cell-input, .note-input, .history-link"));
    var dirtyLabel = form.querySelector("[data-dirty-count]");
    var decimal = form.getAttribute("data-decimal") || ",";
    var submitting = false;
    // A cell just reached (by click, Tab or arrow) is in "replace" mode: the first character typed replaces its value.
    var fresh = null;

    // Notes and history links are reached with the arrows, so Tab goes from one row's value to the next.
    notes.concat(stops.filter(function (s) { return s.classList.contains("history-link"); })).forEach(function (el) {
        el.setAttribute("tabindex", "-1");
    });

    function compact(text) {
        return (text || "").replace(/[\s\u00A0\u202F]/g, "");
    }

    // "9120" → "9 120", "1250,5" → "1 250,5"; anything that is not a plain number is left as typed (the server says why).
    function grouped(text) {
        var plain = compact(text).replace(".", ",").replace(",", decimal);
        var match = /^(-?)(\d+)([.,]\d*)?$/.exec(plain);
        if (!match) {
            return text.trim();
        }

        return match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, " ") + (match[3] || "");
    }

    function same(input) {
        var saved = input.getAttribute("data-saved");
        if (saved === null) {
            return true;
        }

        return input.classList.contains("cell-input")
            ? compact(input.value).replace(",", ".") === compact(saved).replace(",", ".")
            : input.value.trim() === saved.trim();
    }

    function markDirty(input) {
        input.classList.toggle("is-dirty", !same(input));
        if (dirtyLabel) {
            dirtyLabel.hidden = form.querySelectorAll(".is-dirty").length === 0;
        }
    }

    function reach(next) {
        if (!next) {
            return;
        }

        next.focus();
        if (next.select) {
            next.select();
        }
    }

    function moveDown(input, step) {
        var list = input.classList.contains("note-input") ? notes : cells;
        reach(list[list.indexOf(input) + step]);
    }

    function moveAcross(el, step) {
        reach(stops[stops.indexOf(el) + step]);
    }

    function atEdge(input, step) {
        if (!input.select || fresh === input) {
            return true;
        }

        var end = input.value.length;
        return step < 0
            ? input.selectionStart === 0 && input.selectionEnd === 0
            : input.selectionStart === end && input.selectionEnd === end;
    }

    form.addEventListener("focusin", function (event) {
        var input = event.target;
        if (input.classList && (input.classList.contains("cell-input") || input.classList.contains("note-input"))) {
            fresh = input;
            input.select();
        }
    });

    // A click into a cell keeps the whole value selected, so typing replaces it (as in a spreadsheet).
    form.addEventListener("mouseup", function (event) {
        if (event.target === fresh && fresh.selectionStart === 0 && fresh.selectionEnd === fresh.value.length) {
            event.preventDefault();
        }
    });

    form.addEventListener("keydown", function (event) {
        var el = event.target;
        if (!el.classList || !(el.classList.contains("cell-input") || el.classList.contains("note-input") || el.classList.contains("history-link"))) {
            return;
        }

        var isInput = !el.classList.contains("history-link");
        if (isInput && (event.key === "Enter" || event.key === "ArrowDown")) {
            event.preventDefault();
            moveDown(el, event.key === "Enter" && event.shiftKey ? -1 : 1);
        } else if (isInput && event.key === "ArrowUp") {
            event.preventDefault();
            moveDown(el, -1);
        } else if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && !event.shiftKey && (!isInput || atEdge(el, event.key === "ArrowLeft" ? -1 : 1))) {
            event.preventDefault();
            moveAcross(el, event.key === "ArrowLeft" ? -1 : 1);
        } else if (isInput && fresh === el && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
            // The first character typed replaces the value, wherever the caret was.
            el.value = "";
            fresh = null;
        } else if (isInput && (event.key === "F2" || event.key === "Backspace" || event.key === "Delete")) {
            fresh = null;
        }
    });

    form.addEventListener("paste", function (event) {
        var input = event.target;
        if (!input.classList || !input.classList.contains("cell-input")) {
            return;
        }

        var text = (event.clipboardData || window.clipboardData).getData("text");
        var lines = text.replace(/\r/g, "").split("\n");
        if (lines.length > 0 && lines[lines.length - 1] === "") {
            lines.pop();
        }

        if (lines.length <= 1) {
            return;
        }

        event.preventDefault();
        var start = cells.indexOf(input);
        for (var i = 0; i < lines.length && start + i < cells.length; i++) {
            cells[start + i].value = grouped(lines[i].split("\t")[0]);
            touched(cells[start + i]);
        }
    });

    form.addEventListener("input", function (event) {
        var input = event.target;
        if (input.classList && (input.classList.contains("cell-input") || input.classList.contains("note-input"))) {
            if (input === fresh) {
                fresh = null;
            }

            touched(input);
        }
    });

    // Once a value is entered it shows its thousands spaces.
    form.addEventListener("change", function (event) {
        var input = event.target;
        if (input.classList && input.classList.contains("cell-input")) {
            input.value = grouped(input.value);
            touched(input);
        }
    });

    // Choosing in a conflict puts the chosen value in the cell (keyboard: the arrows move between the two choices).
    form.addEventListener("change", function (event) {
        var choice = event.target;
        if (!choice.classList || !choice.classList.contains("conflict-choice")) {
            return;
        }

        var cell = choice.closest("td").querySelector(".cell-input");
        if (cell) {
            cell.value = grouped(choice.getAttribute("data-value") || "");
            touched(cell);
        }
    });

    // ---- Kept in this browser until saved ----

    var storeKey = ["workplan.entry.v1", form.getAttribute("data-user"), form.getAttribute("data-plan"), form.getAttribute("data-month")].join(":");
    var monthOpen = form.getAttribute("data-open") === "true";
    var failedBox = document.querySelector("[data-save-failed]");
    var banner = document.querySelector("[data-kept-banner]");
    var saveButton = form.querySelector("[data-entry-save]");
    var savingStatus = form.querySelector("[data-saving-status]");
    var timeoutMs = 30000;
    var busy = false;

    // The month's editable rows by indicator: the value, the note and what the page showed (the server's concurrency check).
    var rows = {};
    var rowsByPrefix = {};
    Array.prototype.slice.call(form.querySelectorAll("input[name$='.IndicatorId']")).forEach(function (idInput) {
        var prefix = idInput.name.slice(0, idInput.name.length - "IndicatorId".length);
        var field = function (name) { return form.querySelector("[name='" + prefix + name + "']"); };
        var tr = idInput.closest("tr");
        var row = {
            id: idInput.value,
            number: tr ? tr.getAttribute("data-number") : "",
            value: field("Value"),
            note: field("Note"),
            version: field("Version"),
            shown: field("Shown"),
            shownNote: field("ShownNote"),
        };
        if (row.value) {
            rows[row.id] = row;
            rowsByPrefix[prefix] = row;
        }
    });

    function readStore() {
        try {
            var data = JSON.parse(window.localStorage.getItem(storeKey) || "null");
            return data && typeof data.cells === "object" && data.cells !== null ? data : { cells: {} };
        } catch (e) {
            return { cells: {} };
        }
    }

    function writeStore(data) {
        try {
            if (Object.keys(data.cells).length === 0) {
                window.localStorage.removeItem(storeKey);
            } else {
                window.localStorage.setItem(storeKey, JSON.stringify(data));
            }
        } catch (e) {
            // Storage full or refused (private mode): the grid still works, only without the safety net.
        }
    }

    function rowOf(input) {
        var name = input.name || "";
        return rowsByPrefix[name.slice(0, name.lastIndexOf(".") + 1)];
    }

    function isDirty(row) {
        return !same(row.value) || (row.note !== null && !same(row.note));
    }

    // The row as it stands goes into storage while it differs from what is saved, and leaves it once it is the same again.
    function keep(row) {
        if (!row) {
            return;
        }

        var data = readStore();
        if (isDirty(row)) {
            data.cells[row.id] = {
                number: row.number,
                value: row.value.value,
                note: row.note ? row.note.value : "",
                version: row.version ? row.version.value : "",
                shown: row.shown ? row.shown.value : "",
                shownNote: row.shownNote ? row.shownNote.value : "",
                at: new Date().toISOString(),
            };
        } else {
            delete data.cells[row.id];
        }

        writeStore(data);
    }

    function touched(input) {
        markDirty(input);
        keep(rowOf(input));
    }

    function forget(ids) {
        var data = readStore();
        ids.forEach(function (id) { delete data.cells[id]; });
        writeStore(data);
    }

    function snapshot(row) {
        return {
            value: row.value.value,
            savedValue: row.value.getAttribute("data-saved"),
            note: row.note ? row.note.value : null,
            savedNote: row.note ? row.note.getAttribute("data-saved") : null,
            version: row.version ? row.version.value : null,
            shown: row.shown ? row.shown.value : null,
            shownNote: row.shownNote ? row.shownNote.value : null,
        };
    }

    function put(row, state) {
        row.value.value = state.value;
        row.value.setAttribute("data-saved", state.savedValue || "");
        if (row.note) {
            row.note.value = state.note || "";
            row.note.setAttribute("data-saved", state.savedNote || "");
        }
        if (row.version) {
            row.version.value = state.version || "";
        }
        if (row.shown) {
            row.shown.value = state.shown || "";
        }
        if (row.shownNote) {
            row.shownNote.value = state.shownNote || "";
        }
        markDirty(row.value);
        if (row.note) {
            markDirty(row.note);
        }
    }

    function sameNumber(a, b) {
        return compact(a).replace(",", ".") === compact(b).replace(",", ".");
    }

    function say(element, text) {
        element.textContent = text;
    }

    // ---- Sending the form in the background ----

    function showFailure(kind) {
        if (!failedBox) {
            return;
        }

        failedBox.className = "alert alert-warning no-print save-failed";
        failedBox.setAttribute("role", "alert");
        failedBox.hidden = false;
        say(failedBox.querySelector("[data-save-failed-text]"), failedBox.getAttribute(kind === "session" ? "data-message-session" : "data-message-offline"));
        failedBox.querySelector("[data-save-signin]").hidden = kind !== "session";
        var retry = failedBox.querySelector("[data-save-retry]");
        retry.focus();
    }

    function setBusy(on) {
        busy = on;
        form.setAttribute("aria-busy", on ? "true" : "false");
        if (saveButton) {
            saveButton.disabled = on;
        }
        if (savingStatus) {
            say(savingStatus, on ? form.getAttribute("data-saving") : "");
        }
    }

    // The page the server answered with (the sheet again, saved or refused) takes this one's place, and runs this script again.
    function replaceWith(html, url) {
        submitting = true;
        if (url) {
            window.history.replaceState(null, "", url);
        }

        document.open();
        document.write(html);
        document.close();
    }

    function isSheet(url) {
        return /^\/actuals(\/index)?\/?$/i.test(url.pathname);
    }

    function send() {
        if (busy) {
            return;
        }

        setBusy(true);
        var posted = Object.keys(rows);
        var controller = new AbortController();
        var timer = window.setTimeout(function () { controller.abort(); }, timeoutMs);
        var body = new URLSearchParams(new FormData(form));
        window.fetch(form.action, {
            method: "POST",
            body: body,
            credentials: "same-origin",
            signal: controller.signal,
            headers: { "Accept": "text/html" },
        }).then(function (response) {
            var url = new URL(response.url || form.action, window.location.href);
            if (/^\/account\/login/i.test(url.pathname) || response.status === 400 || response.status === 401) {
                // Signed out meanwhile, or the form's token is no longer valid: nothing was saved.
                return "session";
            }

            if (response.status >= 500) {
                return "offline";
            }

            return response.text().then(function (html) {
                window.clearTimeout(timer);
                if (response.redirected && response.ok && isSheet(url)) {
                    // Saved: what was posted leaves the storage; the sheet the save led to says what it saved.
                    forget(posted);
                }

                replaceWith(html, response.redirected ? response.url : null);
                return null;
            });
        }, function () {
            return "offline";
        }).then(function (failure) {
            window.clearTimeout(timer);
            if (failure) {
                setBusy(false);
                showFailure(failure);
            }
        }, function () {
            window.clearTimeout(timer);
            setBusy(false);
            showFailure("offline");
        });
    }

    var background = !!(window.fetch && window.FormData && window.URLSearchParams && window.AbortController && window.history && window.history.replaceState);

    form.addEventListener("submit", function (event) {
        if (!background) {
            submitting = true;
            return;
        }

        event.preventDefault();
        send();
    });

    if (failedBox) {
        failedBox.querySelector("[data-save-retry]").addEventListener("click", send);
        // Leaving to sign in again is safe: the values are kept in this browser.
        failedBox.querySelector("[data-save-signin]").addEventListener("click", function () {
            submitting = true;
        });
    }

    // ---- Back from a last visit ----

    function restore() {
        var data = readStore();
        var restored = [];
        var closed = [];
        var pruned = false;
        Object.keys(data.cells).forEach(function (id) {
            var kept = data.cells[id];
            if (!kept || typeof kept !== "object") {
                delete data.cells[id];
                pruned = true;
                return;
            }

            if (!monthOpen) {
                closed.push(kept);
                return;
            }

            var row = rows[id];
            if (!row) {
                return; // not on this sheet (another service's row, or no longer editable): left in storage
            }

            if (isDirty(row)) {
                return; // the page already shows what was typed (a save the server refused)
            }

            if (sameNumber(kept.value, row.value.value) && (kept.note || "").trim() === (row.note ? row.note.value : "").trim()) {
                delete data.cells[id]; // already saved as kept: nothing left to save
                pruned = true;
                return;
            }

            row.original = snapshot(row);
            put(row, {
                value: grouped(kept.value || ""),
                savedValue: kept.shown,
                note: kept.note,
                savedNote: kept.shownNote,
                version: kept.version,
                shown: kept.shown,
                shownNote: kept.shownNote,
            });
            restored.push(row);
        });

        if (pruned) {
            writeStore(data);
        }

        if (banner && (restored.length > 0 || closed.length > 0)) {
            showBanner(restored, closed);
        }
    }

    function showBanner(restored, closed) {
        var text = banner.querySelector("[data-kept-text]");
        var list = banner.querySelector("[data-kept-list]");
        var saveNow = banner.querySelector("[data-kept-save]");
        var discard = banner.querySelector("[data-kept-discard]");
        if (closed.length > 0) {
            banner.classList.remove("alert-info");
            banner.classList.add("alert-secondary");
            say(text, banner.getAttribute("data-message-closed").replace("{0}", String(closed.length)));
            closed.sort(function (a, b) { return String(a.number).localeCompare(String(b.number), undefined, { numeric: true }); });
            closed.forEach(function (kept) {
                var item = document.createElement("li");
                var note = (kept.note || "").trim();
                item.textContent = kept.number + ": " + grouped(kept.value || "") +
                    (note ? " (" + banner.getAttribute("data-note-label") + ": " + note + ")" : "") +
                    " — " + banner.getAttribute("data-not-saved");
                list.appendChild(item);
            });
            list.hidden = false;
        } else {
            say(text, banner.getAttribute("data-message-restored").replace("{0}", String(restored.length)));
            saveNow.hidden = !saveButton;
        }

        banner.hidden = false;
        saveNow.addEventListener("click", function () {
            send();
        });
        discard.addEventListener("click", function () {
            var data = readStore();
            restored.forEach(function (row) {
                put(row, row.original);
                delete data.cells[row.id];
            });
            if (closed.length > 0) {
                Object.keys(data.cells).forEach(function (id) { delete data.cells[id]; });
            }
            writeStore(data);
            say(text, banner.getAttribute("data-message-discarded"));
            list.hidden = true;
            saveNow.hidden = true;
            discard.hidden = true;
            text.setAttribute("tabindex", "-1");
            text.focus();
        });
    }

    window.addEventListener("beforeunload", function (event) {
        if (!submitting && form.querySelectorAll(".is-dirty").length > 0) {
            event.preventDefault();
            event.returnValue = "";
        }
    });

    cells.forEach(function (input) {
        if (!input.classList.contains("is-invalid")) {
            input.value = grouped(input.value);
        }
    });
    cells.concat(notes).forEach(markDirty);
    restore();

    // After a refused save, the summary at the top is read first; its links jump to the bad cells.
    var summary = document.getElementById("entry-errors");
    if (summary) {
        summary.focus();
    }
})();
