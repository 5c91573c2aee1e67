// Small progressive enhancements; every page works without them.
document.addEventListener("click", function (event) {
    var print = event.target.closest("[data-print]");
    if (print) {
        window.print();
        return;
    }

    // Actions that lock or remove something ask once, saying what will happen.
    var confirmable = event.target.closest("[data-confirm]");
    if (confirmable && !window.confirm(confirmable.getAttribute("data-confirm"))) {
        event.preventDefault();
    }
});
