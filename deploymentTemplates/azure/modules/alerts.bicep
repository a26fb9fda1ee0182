// Alert rules, each mailed to the operators' action group:
//   - 5xx responses from the web app;
//   - a failing readiness probe on any instance (HealthCheckStatus below 100);
//   - a burst of 401s on /api/messages (someone posting activities without a valid Bot Framework token), read from
//     the app's own request telemetry, plus the web app's 401 count as a backstop that needs no app telemetry;
//   - storage availability below the threshold.
param namePrefix string
param location string
param siteId string
param storageAccountId string
param appInsightsId string
@description('Where alerts are mailed; empty: the rules still fire and show in the portal, nobody is mailed.')
param emailAddresses array
@description('5xx responses in 5 minutes that raise an alert.')
param serverErrorThreshold int = 10
@description('401s on /api/messages in 5 minutes that raise an alert.')
param unauthorizedThreshold int = 50

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(emailAddresses)) {
  name: '${namePrefix}-operators'
  location: 'global'
  properties: {
    groupShortName: 'rb-ops'
    enabled: true
    emailReceivers: [for (address, i) in emailAddresses: {
      name: 'operator-${i}'
      emailAddress: address
      useCommonAlertSchema: true
    }]
  }
}

var actions = empty(emailAddresses) ? [] : [
  {
    actionGroupId: operators.id
  }
]

var metricRules = [
  {
    name: 'server-errors'
    description: 'The web app answered with 5xx: the bot is failing people right now.'
    scope: siteId
    namespace: 'Microsoft.Web/sites'
    metric: 'Http5xx'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: serverErrorThreshold
    severity: 1
    window: 'PT5M'
  }
  {
    name: 'readiness-failing'
    description: 'At least one instance fails /health/ready (storage or the key ring unreachable from it).'
    scope: siteId
    namespace: 'Microsoft.Web/sites'
    metric: 'HealthCheckStatus'
    aggregation: 'Average'
    operator: 'LessThan'
    threshold: 100
    severity: 1
    window: 'PT5M'
  }
  {
    name: 'unauthorized-burst-any-path'
    description: 'Many 401s from the web app (any path): a backstop for the /api/messages rule that needs no app telemetry.'
    scope: siteId
    namespace: 'Microsoft.Web/sites'
    metric: 'Http401'
    aggregation: 'Total'
    operator: 'GreaterThan'
    threshold: unauthorizedThreshold * 2
    severity: 2
    window: 'PT5M'
  }
  {
    name: 'storage-availability'
    description: 'The storage account answered fewer than 99% of requests: people are told their words could not be saved.'
    scope: storageAccountId
    namespace: 'Microsoft.Storage/storageAccounts'
    metric: 'Availability'
    aggregation: 'Average'
    operator: 'LessThan'
    threshold: 99
    severity: 1
    window: 'PT15M'
  }
]

resource metricAlerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [for rule in metricRules: {
  name: '${namePrefix}-${rule.name}'
  location: 'global'
  properties: {
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      rule.scope
    ]
    evaluationFrequency: 'PT1M'
    windowSize: rule.window
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: rule.name
          metricNamespace: rule.namespace
          metricName: rule.metric
          timeAggregation: rule.aggregation
          operator: rule.operator
          threshold: rule.threshold
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}]

// Reads the app's request telemetry (issue 14's OpenTelemetry export): the operation name is the route, never a
// user's words.
resource unauthorizedMessages 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-unauthorized-burst-api-messages'
  location: location
  properties: {
    description: 'Many 401s on POST /api/messages: someone is posting activities without a valid Bot Framework token.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'requests | where name == "POST /api/messages" and resultCode == "401"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: unauthorizedThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: empty(emailAddresses) ? [] : [
        operators.id
      ]
    }
  }
}
