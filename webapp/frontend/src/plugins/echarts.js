// Modular ECharts: only the charts and the components HazardWatch draws (trend lines with a min-max band, scatter marks
// for samples of abnormal quality, horizontal bars of the alarm KPIs, the pie and stacked bars of the hazard source
// analysis).
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer
])

export default echarts
