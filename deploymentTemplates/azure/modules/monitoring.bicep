// Log Analytics and Application Insights. Application Insights takes telemetry only from Entra-authenticated
// senders (local auth off): an instrumentation key copied from the connection string cannot be used to inject or
// flood telemetry. The app's managed identity gets Monitoring Metrics Publisher, so the app must send with that
// identity (the exporter's Credential option; see NOTES, app side).
param workspaceName string
param appInsightsName string
param location string
@minValue(30)
@maxValue(730)
param retentionDays int
@description('Principal id of the managed identity that sends telemetry.')
param principalId string

// Monitoring Metrics Publisher (built-in role): lets a principal send telemetry to an Entra-only component.
var metricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    RetentionInDays: retentionDays
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: appInsights
  name: guid(appInsights.id, principalId, metricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output workspaceId string = workspace.id
output appInsightsId string = appInsights.id
output appInsightsName string = appInsights.name
// Not a secret: with local auth off the connection string only says where to send, not who may.
output connectionString string = appInsights.properties.ConnectionString
