// The monthly entry grid works like a spreadsheet: Enter and the arrow keys move between cells,
// a column pasted from Excel fills the cells downwards, changed cells are marked, and leaving the
// page with unsaved changes asks first. Without this script the form still works.
(function () {
    var form = document.querySelector("[data-entry-grid]");
    if (!form) {
        return;
    }

    var cells = Array.prototype.slice.call(form.querySelectorAll(".cell-input"));
    var notes = Array.prototype.slice.call(form.querySelectorAll(".note-input"));
    var dirtyLabel = form.querySelector("[data-dirty-count]");
    var submitting = false;

    function column(input) {
        return input.classList.contains("note-input") ? notes : cells;
    }

    function move(input, step) {
        var list = column(input);
        var next = list[list.indexOf(input) + step];
        if (next) {
            next.focus();
            next.select();
        }
    }

    function markDirty(input) {
        var saved = input.getAttribute("data-saved");
        var changed = saved !== null && input.value.trim() !== saved;
        input.classList.toggle("is-dirty", changed);
        var count = form.querySelectorAll(".is-dirty").length;
        if (dirtyLabel) {
            dirtyLabel.hidden = count === 0;
        }
    }

    form.addEventListener("keydown", function (event) {
        var input = event.target;
        if (!input.classList || !(input.classList.contains("cell-input") || input.classList.contains("note-input"))) {
            return;
        }

        if (event.key === "Enter" || event.key === "ArrowDown") {
            event.preventDefault();
            move(input, event.shiftKey ? -1 : 1);
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            move(input, -1);
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
            cells[start + i].value = lines[i].split("\t")[0].trim();
            markDirty(cells[start + i]);
        }
    });

    form.addEventListener("input", function (event) {
        if (event.target.classList && event.target.classList.contains("cell-input")) {
            markDirty(event.target);
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

    cells.forEach(markDirty);
})();
