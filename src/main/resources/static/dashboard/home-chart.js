// Draws the home page's revenue chart from the canvas's data-chart attribute (days, and per currency the
// day's revenue in major units). A file of its own: the Content-Security-Policy refuses inline scripts.
// Without JavaScript the page's totals and table say the same.
(function () {
    "use strict";

    function draw() {
        var canvas = document.getElementById("revenue-chart");
        if (!canvas || typeof Chart === "undefined") {
            return;
        }
        var data = JSON.parse(canvas.getAttribute("data-chart"));
        var colours = ["#0a58ca", "#b54708", "#067647", "#6941c6", "#c01048"];
        data.datasets.forEach(function (dataset, index) {
            dataset.backgroundColor = colours[index % colours.length];
            dataset.borderColor = colours[index % colours.length];
        });
        new Chart(canvas, {
            type: "bar",
            data: data,
            options: {
                animation: false,
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true } },
                plugins: { legend: { display: data.datasets.length > 1 } }
            }
        });
        // Tells whoever looks (the browser tests) that Chart.js ran.
        canvas.setAttribute("data-drawn", "true");
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", draw);
    } else {
        draw();
    }
})();
