// The monthly entry grid works like a spreadsheet: typing into a cell replaces its value, Enter and
// the up/down arrows move along the column, left/right move between a row's value, note and history,
// Tab stops once per row (its value), a column pasted from Excel fills the cells downwards, numbers
// show thousands spaces once entered, changed values and notes are marked, and leaving the page with
// unsaved changes asks first. A cell someone else changed meanwhile offers two choices (keep mine,
// take the saved one); choosing puts that value in the cell. The form posts every row with what the
// page showed, and the server saves only what the user changed, so it works without this script too.
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
            markDirty(cells[start + i]);
        }
    });

    form.addEventListener("input", function (event) {
        var input = event.target;
        if (input.classList && (input.classList.contains("cell-input") || input.classList.contains("note-input"))) {
            if (input === fresh) {
                fresh = null;
            }

            markDirty(input);
        }
    });

    // Once a value is entered it shows its thousands spaces.
    form.addEventListener("change", function (event) {
        var input = event.target;
        if (input.classList && input.classList.contains("cell-input")) {
            input.value = grouped(input.value);
            markDirty(input);
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
            markDirty(cell);
        }
    });

    form.addEventListener("submit", function () {
        submitting = true;
    });

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

    // After a refused save, the summary at the top is read first; its links jump to the bad cells.
    var summary = document.getElementById("entry-errors");
    if (summary) {
        summary.focus();
    }
})();
