// Draws each <figure data-chart> from the data table inside it, so that the chart and its text
// alternative can never disagree. Columns marked data-series="bar" | "line" | "dashed" become
// datasets; each row is a label (its <th>) and the cells' data-value numbers (empty = no value).
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }

    var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#20c997', '#dc3545'];
    var lang = document.documentElement.lang || 'uz';
    var numberFormat = new Intl.NumberFormat(lang === 'uz' ? 'uz-Latn' : lang, { maximumFractionDigits: 1 });

    function valueOf(cell) {
        var raw = cell ? cell.getAttribute('data-value') : null;
        return raw === null || raw === '' ? null : Number(raw);
    }

    function draw(figure) {
        var table = figure.querySelector('table.chart-table');
        var canvas = figure.querySelector('canvas');
        if (!table || !canvas) {
            return;
        }

        var kind = figure.getAttribute('data-chart');
        var percent = figure.getAttribute('data-percent') === 'true';
        var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
        var datasets = [];
        headers.forEach(function (header, index) {
            var series = header.getAttribute('data-series');
            if (!series) {
                return;
            }

            var colour = palette[datasets.length % palette.length];
            datasets.push({
                type: series === 'bar' ? 'bar' : 'line',
                label: header.textContent.trim(),
                data: rows.map(function (row) { return valueOf(row.cells[index]); }),
                backgroundColor: series === 'bar' ? colour : 'transparent',
                borderColor: colour,
                borderDash: series === 'dashed' || (series === 'line' && kind !== 'line') ? [6, 4] : [],
                borderWidth: 2,
                pointRadius: series === 'bar' ? 0 : 2,
                spanGaps: false,
                order: series === 'bar' ? 2 : 1,
            });
        });

        var horizontal = kind === 'hbar';
        var valueAxis = {
            beginAtZero: true,
            ticks: { callback: function (v) { return numberFormat.format(v) + (percent ? ' %' : ''); } },
        };
        if (percent) {
            valueAxis.suggestedMax = 100;
        }

        figure.querySelector('.chart-box').classList.add(horizontal ? 'chart-box-tall' : 'chart-box-wide');
        var chart = new Chart(canvas, {
            type: 'bar',
            data: { labels: labels, datasets: datasets },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: horizontal ? { x: valueAxis } : { y: valueAxis },
                plugins: {
                    legend: { position: 'bottom' },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) {
                                var v = horizontal ? ctx.parsed.x : ctx.parsed.y;
                                return ctx.dataset.label + ': ' + (v === null ? '-' : numberFormat.format(v) + (percent ? ' %' : ''));
                            },
                        },
                    },
                },
            },
        });
        figure.setAttribute('data-chart-ready', String(chart.data.datasets.length));
    }

    document.querySelectorAll('figure[data-chart]').forEach(draw);
})();
